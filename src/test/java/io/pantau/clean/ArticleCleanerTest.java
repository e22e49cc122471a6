package io.pantau.clean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pantau.article.Article;
import io.pantau.article.DatePrecision;
import io.pantau.article.RawArticle;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Behaviour of the public face beyond the fixtures: odd input, caller values, threads. */
class ArticleCleanerTest {
  private static final Instant FETCHED = Instant.parse("2025-09-16T00:00:00Z");
  private final ArticleCleaner cleaner = new ArticleCleaner();

  @Test
  void nullAndEmptyInputComeOutAsEmptyArticles() {
    assertNotNull(cleaner.clean(null));
    Article empty = cleaner.clean(RawArticle.ofText("", null, null, FETCHED));
    assertEquals("", empty.body());
    assertEquals(FETCHED, empty.published());
    assertEquals(DatePrecision.estimated, empty.publishedPrecision());
    Article blankHtml =
        cleaner.clean(RawArticle.ofHtml("<html><script>x()</script></html>", null, null, FETCHED));
    assertEquals("", blankHtml.body());
  }

  @Test
  void pathologicalPagesDegradeInsteadOfThrowing() {
    String deep =
        "<div>".repeat(20_000)
            + "Deeply nested words that still count as text."
            + "</div>".repeat(20_000);
    String longLine = "kata ".repeat(60_000);
    String broken =
        "<p>Unclosed <b>bold <i>and <a href='x'>link</p><p>Second paragraph of a broken page.";
    assertTimeoutPreemptively(
        Duration.ofSeconds(30),
        () -> {
          for (String html : List.of(deep, broken, "<<<>>>", "\u0000\u0001binary")) {
            Article a = cleaner.clean(RawArticle.ofHtml(html, "not a url", null, FETCHED));
            assertNotNull(a.body());
          }
          Article a = cleaner.clean(RawArticle.ofText(longLine, null, null, FETCHED));
          assertTrue(a.wordCount() >= 60_000 - 1, "words kept: " + a.wordCount());
        });
  }

  @Test
  void callerTitleAndPublishedWinOverWhatTheTextSays() {
    RawArticle raw =
        new RawArticle(
            "https://www.example.id/a",
            "Judul dari pemanggil",
            "Judul di teks\n\nJakarta (ANTARA) - Isi berita yang cukup panjang untuk dianggap sebagai paragraf pada Senin (15/9).",
            null,
            "example.id",
            "2025-09-15T03:00:00Z",
            "id",
            FETCHED);
    Article a = cleaner.clean(raw);
    assertEquals("Judul dari pemanggil", a.title());
    assertEquals(Instant.parse("2025-09-15T03:00:00Z"), a.published());
    assertEquals(DatePrecision.exact, a.publishedPrecision());
    assertEquals("example.id", a.source());
    assertEquals("id", a.lang());
    // the short headline line above the story is not body once the caller has named the title
    assertEquals(
        List.of("Isi berita yang cukup panjang untuk dianggap sebagai paragraf pada Senin (15/9)."),
        a.paragraphs());
  }

  @Test
  void sourceFallsBackToTheHostOfTheUrl() {
    Article a =
        cleaner.clean(
            RawArticle.ofText(
                "Judul\n\nParagraf pertama yang cukup panjang untuk sebuah berita.",
                "https://www.berita.example/x",
                null,
                FETCHED));
    assertEquals("berita.example", a.source());
  }

  @Test
  void aWireDayWithoutYearTakesLastYearAcrossNewYear() {
    Article a =
        cleaner.clean(
            RawArticle.ofText(
                "Banjir surut\n\nJakarta (ANTARA) - Banjir di Jakarta Utara surut pada Senin"
                    + " (29/12) setelah hujan berhenti sejak malam sebelumnya.",
                null,
                null,
                Instant.parse("2026-01-02T05:00:00Z")));
    assertEquals(DatePrecision.day, a.publishedPrecision());
    assertEquals(Instant.parse("2025-12-29T00:00:00Z"), a.published());
  }

  @Test
  void aWeekdayThatFitsNoRecentYearNamesAComingEventNotThePublicationDay() {
    Article a =
        cleaner.clean(
            RawArticle.ofText(
                "Laga digelar pekan depan\n\nPertandingan akan digelar pada Jumat (16/9) dini hari"
                    + " WIB mendatang di stadion utama kota.",
                null,
                null,
                Instant.parse("2016-09-07T10:00:00Z")));
    assertEquals(DatePrecision.estimated, a.publishedPrecision());
    assertEquals(Instant.parse("2016-09-07T10:00:00Z"), a.published());
  }

  @Test
  void concurrentCallsGiveTheSameResultsAsSequentialOnes() throws Exception {
    List<Fixtures.Fixture> fixtures = Fixtures.all().toList();
    List<Article> sequential = fixtures.stream().map(f -> cleaner.clean(f.raw())).toList();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<Article>>> runs =
          List.of(1, 2, 3, 4).stream()
              .map(
                  i ->
                      pool.submit(
                          () -> fixtures.stream().map(f -> cleaner.clean(f.raw())).toList()))
              .toList();
      for (Future<List<Article>> run : runs) {
        assertEquals(sequential, run.get());
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
