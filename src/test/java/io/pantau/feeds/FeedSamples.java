package io.pantau.feeds;

/**
 * Feeds and article pages written for the tests: an Indonesian RSS 2.0 feed, an English Atom feed
 * and a JSON Feed, each with two items whose links and texts carry a tag so that every test has its
 * own articles.
 */
final class FeedSamples {
  private FeedSamples() {}

  /** RSS 2.0; items link to {@code base/id/<tag>-1.html} and {@code -2.html}. */
  static String rss(String title, String base, String tag) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0">
          <channel>
            <title>%1$s</title>
            <link>%2$s/</link>
            <description>Berita terbaru</description>
            <item>
              <title>Petani Garut panen raya %3$s</title>
              <link>%2$s/id/%3$s-1.html</link>
              <guid isPermaLink="false">%3$s-guid-1</guid>
              <pubDate>Thu, 26 Nov 2026 07:30:00 GMT</pubDate>
              <description>Petani di Garut memanen padi lebih awal tahun ini.</description>
            </item>
            <item>
              <title>Harga beras turun di Bandung %3$s</title>
              <link>%2$s/id/%3$s-2.html</link>
              <guid isPermaLink="false">%3$s-guid-2</guid>
              <pubDate>Wed, 25 Nov 2026 05:00:00 GMT</pubDate>
              <description>Harga beras medium turun di pasar-pasar Bandung.</description>
            </item>
          </channel>
        </rss>
        """
        .formatted(title, base, tag);
  }

  /** Atom; entry 1 links to {@code prefix1<tag>-1.html}, entry 2 to {@code prefix2<tag>-2.html}. */
  static String atom(String title, String prefix1, String prefix2, String tag) {
    return """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom">
          <title>%1$s</title>
          <id>urn:uuid:feed-%4$s</id>
          <updated>2026-11-25T10:00:00Z</updated>
          <entry>
            <title>Flood defences hold in Semarang %4$s</title>
            <link rel="alternate" href="%2$s%4$s-1.html"/>
            <id>urn:uuid:%4$s-1</id>
            <published>2026-11-25T09:00:00Z</published>
            <updated>2026-11-25T09:30:00Z</updated>
            <summary>The new sea wall kept the tide out of the old town.</summary>
          </entry>
          <entry>
            <title>Ferry services resume in Surabaya %4$s</title>
            <link rel="alternate" href="%3$s%4$s-2.html"/>
            <id>urn:uuid:%4$s-2</id>
            <updated>2026-11-24T16:00:00Z</updated>
            <content type="html">&lt;p&gt;Ferries left the harbour of Surabaya again on Tuesday
              after three days of high waves, the port authority said.&lt;/p&gt;
              &lt;p&gt;Passengers %4$s who had waited on the quay were boarded first.&lt;/p&gt;</content>
          </entry>
        </feed>
        """
        .formatted(title, prefix1, prefix2, tag);
  }

  /**
   * JSON Feed 1.1; item 1 links to {@code base/go/<tag>-1}, item 2 to {@code base/id/<tag>-3.html}.
   */
  static String json(String title, String base, String tag) {
    return """
        {
          "version": "https://jsonfeed.org/version/1.1",
          "title": "%1$s",
          "home_page_url": "%2$s/",
          "items": [
            {
              "id": "%3$s-json-1",
              "url": "%2$s/go/%3$s-1",
              "title": "Cafe owners in Ubud count the cost %3$s",
              "date_published": "2026-11-24T03:15:00Z",
              "summary": "Tourism slowed after the eruption."
            },
            {
              "id": "%3$s-json-2",
              "url": "%2$s/id/%3$s-3.html",
              "title": "Nelayan Lombok kembali melaut %3$s",
              "date_published": "2026-11-23T22:00:00+07:00",
              "content_text": "Para nelayan di Lombok kembali melaut setelah cuaca membaik."
            }
          ]
        }
        """
        .formatted(title, base, tag);
  }

  /** An Indonesian article page. */
  static String indonesianPage(String title, String tag) {
    return """
        <!DOCTYPE html>
        <html lang="id"><head><meta charset="utf-8"><title>%1$s</title></head>
        <body>
          <nav><a href="/">Beranda</a> | <a href="/ekonomi">Ekonomi</a></nav>
          <article>
            <h1>%1$s</h1>
            <p>Kelompok tani di kabupaten itu melaporkan hasil panen yang lebih baik dibanding
            tahun lalu. Kode liputan %2$s dicatat oleh redaksi.</p>
            <p>Dinas pertanian setempat menyebut curah hujan yang merata sebagai penyebab utama.
            Para petani berharap harga gabah tetap stabil hingga akhir tahun.</p>
            <p>Pemerintah daerah berjanji memperbaiki saluran irigasi sebelum musim tanam
            berikutnya dimulai.</p>
          </article>
        </body></html>
        """
        .formatted(title, tag);
  }

  /** An English article page. */
  static String englishPage(String title, String tag) {
    return """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>%1$s</title></head>
        <body>
          <article>
            <h1>%1$s</h1>
            <p>Engineers said the barrier performed as designed during the highest tide of the
            year. Reference %2$s was filed with the city council.</p>
            <p>Residents of the old town, who had sandbagged their doors, said the streets stayed
            dry for the first time in a decade.</p>
          </article>
        </body></html>
        """
        .formatted(title, tag);
  }

  /** An English page with accented and typographic characters, for encoding as windows-1252. */
  static String cp1252Page(String tag) {
    return """
        <html><head><title>Caf\u00e9 owners in Ubud count the cost %1$s</title></head>
        <body><article>
          <p>The caf\u00e9 owners of Ubud say the \u201cquiet season\u201d came early this year,
          with takings down by a third since the eruption.</p>
          <p>\u201cWe are na\u00efve to think it ends soon,\u201d said one owner, who asked that
          her caf\u00e9 not be named; marker %1$s.</p>
        </article></body></html>
        """
        .formatted(tag);
  }
}
