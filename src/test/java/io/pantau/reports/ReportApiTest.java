package io.pantau.reports;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import io.pantau.testsupport.Api;
import io.pantau.testsupport.ElasticsearchResource;
import io.pantau.testsupport.UsesDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Coverage reports over a corpus posted through the API: each file is opened with the library that
 * wrote it and its figures are checked against the search and analytics endpoints for the same
 * filters.
 */
@QuarkusTest
@UsesDatabase
@QuarkusTestResource(ElasticsearchResource.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportApiTest {
  /** The port %test.quarkus.mailer.port names in application.properties. */
  @RegisterExtension
  static final GreenMailExtension MAIL =
      new GreenMailExtension(new ServerSetup(3925, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

  /** A sentence only article bodies hold: it must never reach a report. */
  private static final String BODY_MARKER = "Catatan redaksi tidak untuk laporan";

  private static final String STORY =
      "Banjir besar melanda Kabupaten Cianjur setelah hujan deras turun selama tiga hari"
          + " berturut-turut, merendam ratusan rumah warga dan memutus akses jalan utama menuju"
          + " kecamatan di selatan.\n\n"
          + "Badan Penanggulangan Bencana Daerah mencatat lebih dari seribu warga mengungsi ke"
          + " balai desa dan masjid, sementara petugas gabungan mendirikan dapur umum di halaman"
          + " kantor kecamatan.\n\n"
          + "Bupati meminta warga di bantaran sungai tetap waspada karena curah hujan diperkirakan"
          + " masih tinggi hingga akhir pekan. "
          + BODY_MARKER
          + ".";

  private final String tag = UUID.randomUUID().toString().substring(0, 8);
  private final String srcA = "a-" + tag + ".example";
  private final String srcB = "b-" + tag + ".example";
  private final String srcRecent = "r-" + tag + ".example";
  private final Map<String, String> filters = new LinkedHashMap<>();
  private int posted;

  private synchronized void corpus() {
    if (posted > 0) {
      return;
    }
    filters.put("source", srcA + "," + srcB);
    filters.put("from", "2025-06-01");
    filters.put("to", "2025-07-01");
    List<Map<String, Object>> items = new ArrayList<>();
    String[][] rows = {
      {"banjir", srcA, "id", "2025-06-16T08:00:00Z"},
      {"banjir", srcA, "id", "2025-06-16T09:00:00Z"},
      {"gempa", srcA, "id", "2025-06-17T09:00:00Z"},
      {"gempa", srcA, "id", "2025-06-18T10:30:00Z"},
      {"banjir", srcA, "id", "2025-06-18T11:00:00Z"},
      {"flood", srcB, "en", "2025-06-16T09:30:00Z"},
      {"flood", srcB, "en", "2025-06-17T18:00:00Z"},
      {"gempa", srcB, "en", "2025-06-19T11:00:00Z"},
      // Outside the period: must not be counted.
      {"banjir", srcA, "id", "2025-07-02T11:00:00Z"},
    };
    for (int i = 0; i < rows.length; i++) {
      String[] r = rows[i];
      boolean en = r[2].equals("en");
      items.add(
          article(
              "https://" + r[1] + "/news/" + tag + "-" + i,
              (en ? "Report on the " : "Laporan ") + r[0] + " " + tag + " nomor " + i,
              (en
                      ? "Residents in Bandung described the " + r[0] + " in district " + i + "."
                      : "Warga Bandung bercerita tentang " + r[0] + " di wilayah " + i + ".")
                  + " "
                  + BODY_MARKER
                  + " "
                  + tag
                  + ".",
              r[1],
              r[2],
              r[3]));
    }
    // One story, two copies: the syndicated copy carries the same text on another source.
    items.add(
        article(
            "https://" + srcA + "/story/" + tag,
            "Banjir Cianjur: warga mengungsi, jalan terputus — café ditutup " + tag,
            STORY,
            srcA,
            "id",
            "2025-06-20T07:00:00Z"));
    items.add(
        article(
            "https://" + srcB + "/copy/" + tag,
            "Banjir Cianjur, ribuan warga mengungsi " + tag,
            STORY,
            srcB,
            "id",
            "2025-06-20T09:00:00Z"));
    Instant now = Instant.now();
    for (int i = 0; i < 3; i++) {
      items.add(
          article(
              "https://" + srcRecent + "/recent/" + tag + "-" + i,
              "Laporan terbaru " + tag + " nomor " + i,
              "Warga Surabaya melaporkan kemacetan panjang di wilayah " + i + ". " + BODY_MARKER,
              srcRecent,
              "id",
              now.minus(Duration.ofHours(10 + i)).toString()));
    }
    List<String> statuses =
        Api.asEditor()
            .contentType(ContentType.JSON)
            .queryParam("refresh", "wait_for")
            .body(items)
            .post("/api/articles")
            .then()
            .statusCode(201)
            .extract()
            .path("items.status");
    assertEquals(
        items.size(), statuses.stream().filter("indexed"::equals).count(), statuses.toString());
    posted = items.size();
  }

  private static Map<String, Object> article(
      String url, String title, String body, String source, String lang, String published) {
    Map<String, Object> m = new HashMap<>();
    m.put("url", url);
    m.put("title", title);
    m.put("body", body);
    m.put("source", source);
    m.put("lang", lang);
    m.put("published", published);
    return m;
  }

  private RequestSpecification viewer(Map<String, String> params) {
    corpus();
    RequestSpecification r = Api.asViewer();
    params.forEach(r::queryParam);
    return r;
  }

  private Map<String, String> with(String name, String value) {
    corpus();
    Map<String, String> m = new LinkedHashMap<>(filters);
    m.put(name, value);
    return m;
  }

  private byte[] download(String file, Map<String, String> params) {
    return viewer(params)
        .get("/api/reports/" + file)
        .then()
        .statusCode(200)
        .header("Content-Disposition", containsString(file))
        .extract()
        .asByteArray();
  }

  private long searchTotal(Map<String, String> params) {
    return ((Number)
            viewer(params)
                .queryParam("size", "0")
                .get("/api/articles")
                .then()
                .statusCode(200)
                .extract()
                .path("total"))
        .longValue();
  }

  private JsonPath analytics(String path, Map<String, String> params) {
    return viewer(params).get("/api/analytics/" + path).then().statusCode(200).extract().jsonPath();
  }

  private static List<CSVRecord> csv(byte[] bytes) throws Exception {
    CSVFormat f = CsvReport.FORMAT.builder().setHeader().setSkipHeaderRecord(true).get();
    try (Reader r = new InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8);
        CSVParser p = CSVParser.builder().setReader(r).setFormat(f).get()) {
      assertEquals(Columns.HEADER, p.getHeaderNames());
      return p.getRecords();
    }
  }

  @Test
  void csvHasOneRowPerMatchingArticleOldestFirstWithProvenanceAndNoText() throws Exception {
    corpus();
    byte[] bytes = download("coverage.csv", filters);
    String text = new String(bytes, StandardCharsets.UTF_8);
    List<CSVRecord> rows = csv(bytes);
    long total = searchTotal(filters);
    assertEquals(10, total, "the fixture puts 10 articles in June");
    assertEquals(total, rows.size());
    assertTrue(text.startsWith("# Report: Pantau coverage report (csv)"), text);
    assertTrue(text.contains("# Query: (all articles)"), text);
    assertTrue(text.contains("# Sources: " + srcA + ", " + srcB), text);
    assertTrue(text.contains("# Period from: 2025-06-01T00:00:00Z"), text);
    assertTrue(text.contains("# Period to: 2025-07-01T00:00:00Z"), text);
    assertTrue(text.contains("# Snapshot: "), text);
    assertTrue(text.contains("# Dedup policy: "), text);
    assertTrue(text.contains("# Matching articles: 10"), text);
    assertFalse(text.contains(BODY_MARKER), "an article body reached the report");
    List<String> published = rows.stream().map(r -> r.get("published")).toList();
    assertEquals(published.stream().sorted().toList(), published, "oldest first");
    for (CSVRecord r : rows) {
      assertTrue(r.get("title").contains(tag), r.toString());
      assertTrue(r.get("source").equals(srcA) || r.get("source").equals(srcB), r.toString());
      assertFalse(r.get("storyId").isEmpty(), r.toString());
      assertFalse(r.get("sentimentLabel").isEmpty(), r.toString());
      double score = Double.parseDouble(r.get("sentimentScore"));
      assertTrue(score >= -1 && score <= 1, r.toString());
    }
    CSVRecord copy =
        rows.stream().filter(r -> r.get("url").contains("/copy/")).findFirst().orElseThrow();
    CSVRecord original =
        rows.stream().filter(r -> r.get("url").contains("/story/")).findFirst().orElseThrow();
    assertEquals(original.get("storyId"), copy.get("storyId"), "the copy joins the story");
    assertEquals("2", copy.get("copies"));
    assertEquals("2", original.get("copies"));
    assertTrue(original.get("title").contains("café"), "accents survive: " + original.get("title"));
    CSVRecord single =
        rows.stream().filter(r -> r.get("url").endsWith(tag + "-0")).findFirst().orElseThrow();
    assertEquals("1", single.get("copies"));
    assertEquals("id", single.get("lang"));
  }

  @Test
  void csvHonoursQueryLanguageAndSource() throws Exception {
    Map<String, String> banjir = with("q", "banjir");
    banjir.put("lang", "id");
    List<CSVRecord> rows = csv(download("coverage.csv", banjir));
    assertEquals(searchTotal(banjir), rows.size());
    assertEquals(5, rows.size(), "3 banjir articles and the 2 copies of the flood story in June");
    rows.forEach(r -> assertEquals("id", r.get("lang")));
    Map<String, String> onlyB = with("source", srcB);
    List<CSVRecord> b = csv(download("coverage.csv", onlyB));
    assertEquals(4, b.size());
    assertEquals(searchTotal(onlyB), b.size());
    b.forEach(r -> assertEquals(srcB, r.get("source")));
    String text = new String(download("coverage.csv", banjir), StandardCharsets.UTF_8);
    assertTrue(text.contains("# Query: banjir"), text);
    assertTrue(text.contains("# Languages: id"), text);
  }

  @Test
  void xlsxRowsAndSummarySheetsEqualTheAnalyticsAnswers() throws Exception {
    byte[] bytes = download("coverage.xlsx", filters);
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
      Sheet report = book.getSheet(XlsxReport.REPORT);
      Map<String, String> facts = new HashMap<>();
      for (Row r : report) {
        facts.put(r.getCell(0).getStringCellValue(), r.getCell(1).getStringCellValue());
      }
      assertEquals("(all articles)", facts.get("Query"));
      assertEquals("2025-06-01T00:00:00Z", facts.get("Period from"));
      assertNotNull(facts.get("Snapshot"));
      assertNotNull(facts.get("Dedup policy"));

      Sheet articles = book.getSheet(XlsxReport.ARTICLES);
      assertEquals(searchTotal(filters), articles.getLastRowNum());
      assertEquals("title", articles.getRow(0).getCell(1).getStringCellValue());

      Map<String, Long> days = new HashMap<>();
      for (Map<String, Object> p :
          analytics("volume", with("interval", "day"))
              .<Map<String, Object>>getList("series[0].points")) {
        days.put(((String) p.get("t")).substring(0, 10), ((Number) p.get("count")).longValue());
      }
      Map<String, Long> sheetDays = new HashMap<>();
      for (Row r : skipHeader(book.getSheet(XlsxReport.VOLUME))) {
        sheetDays.put(r.getCell(0).getStringCellValue(), (long) r.getCell(1).getNumericCellValue());
      }
      assertEquals(days, sheetDays);
      assertEquals(3L, sheetDays.get("2025-06-16"));

      Map<String, Long> sources = new HashMap<>();
      for (Map<String, Object> i :
          analytics("sources", filters).<Map<String, Object>>getList("items")) {
        sources.put((String) i.get("source"), ((Number) i.get("count")).longValue());
      }
      assertEquals(Map.of(srcA, 6L, srcB, 4L), sources);
      assertEquals(sources, counts(book.getSheet(XlsxReport.SOURCES)));

      Map<String, Long> keywords = new HashMap<>();
      for (Map<String, Object> i :
          analytics("keywords", with("field", "keywords")).<Map<String, Object>>getList("items")) {
        keywords.put((String) i.get("term"), ((Number) i.get("count")).longValue());
      }
      assertFalse(keywords.isEmpty());
      assertEquals(keywords, counts(book.getSheet(XlsxReport.KEYWORDS)));

      long positive = 0;
      long negative = 0;
      long scored = 0;
      for (Map<String, Object> p :
          analytics("sentiment", with("interval", "day")).<Map<String, Object>>getList("points")) {
        positive += ((Number) p.get("positive")).longValue();
        negative += ((Number) p.get("negative")).longValue();
        scored += ((Number) p.get("count")).longValue();
      }
      long sheetPositive = 0;
      long sheetNegative = 0;
      long sheetCount = 0;
      for (Row r : skipHeader(book.getSheet(XlsxReport.SENTIMENT))) {
        sheetCount += (long) r.getCell(1).getNumericCellValue();
        sheetPositive += (long) r.getCell(3).getNumericCellValue();
        sheetNegative += (long) r.getCell(5).getNumericCellValue();
      }
      assertEquals(10, scored);
      assertEquals(scored, sheetCount);
      assertEquals(positive, sheetPositive);
      assertEquals(negative, sheetNegative);
    }
  }

  private static List<Row> skipHeader(Sheet sheet) {
    List<Row> rows = new ArrayList<>();
    for (Row r : sheet) {
      if (r.getRowNum() > 0) {
        rows.add(r);
      }
    }
    return rows;
  }

  private static Map<String, Long> counts(Sheet sheet) {
    Map<String, Long> out = new HashMap<>();
    for (Row r : skipHeader(sheet)) {
      Cell c = r.getCell(1);
      out.put(r.getCell(0).getStringCellValue(), (long) c.getNumericCellValue());
    }
    return out;
  }

  @Test
  void pdfHasTheQueryPeriodChartsStoriesAndArticles() throws Exception {
    Map<String, String> params = with("q", "banjir OR flood");
    byte[] bytes = download("coverage.pdf", params);
    // Kept for the README's picture of a real report (docs/report-page-*.png).
    Files.createDirectories(Path.of("target", "reports"));
    Files.write(Path.of("target", "reports", "coverage.pdf"), bytes);
    try (PDDocument pdf = Loader.loadPDF(bytes)) {
      String text = new PDFTextStripper().getText(pdf);
      assertTrue(text.contains("Coverage report"), text);
      assertTrue(text.contains("banjir OR flood"), text);
      assertTrue(text.contains("2025-06-01 00:00 to 2025-07-01 00:00 (UTC)"), text);
      assertTrue(text.contains("Generated: "), text);
      assertTrue(text.contains("Dedup policy"), text);
      assertTrue(text.contains("Share of voice"), text);
      assertTrue(text.contains("Top stories"), text);
      long matching = searchTotal(params);
      assertEquals(7, matching);
      assertTrue(text.contains("Articles: " + matching), text);
      assertTrue(text.contains(matching + " articles listed."), text);
      assertTrue(text.contains("copies 2"), "the flood story with its two copies: " + text);
      assertTrue(text.contains("café ditutup"), "accented title rendered: " + text);
      assertFalse(text.contains(BODY_MARKER));
      int images = 0;
      for (PDPage page : pdf.getPages()) {
        for (COSName name : page.getResources().getXObjectNames()) {
          if (page.getResources().getXObject(name) instanceof PDImageXObject img) {
            assertTrue(img.getWidth() > 300, "a chart, not an icon");
            images++;
          }
        }
      }
      assertTrue(images >= 4, "volume, sentiment, share of voice, keywords: " + images);
      assertEquals("banjir OR flood", pdf.getDocumentInformation().getSubject());
      assertEquals(
          "2025-06-01T00:00:00Z",
          pdf.getDocumentInformation().getCustomMetadataValue("Pantau Period from"));
      assertNotNull(pdf.getDocumentInformation().getCustomMetadataValue("Pantau Dedup policy"));
    }
  }

  @Test
  void badFiltersAndQueriesAreProblems() {
    corpus();
    for (Map<String, String> bad :
        List.of(
            with("q", "(banjir"),
            with("from", "yesterday"),
            with("to", "2025-05-01"),
            with("tz", "Mars/Olympus"))) {
      for (String file : List.of("coverage.csv", "coverage.xlsx", "coverage.pdf")) {
        viewer(bad)
            .get("/api/reports/" + file)
            .then()
            .statusCode(400)
            .contentType("application/problem+json")
            .body("status", equalTo(400))
            .body("detail", org.hamcrest.Matchers.notNullValue());
      }
    }
    viewer(with("q", "(banjir"))
        .get("/api/reports/coverage.csv")
        .then()
        .body("detail", containsString("expected"));
    viewer(filters)
        .queryParam("q", "a")
        .queryParam("q", "b")
        .get("/api/reports/coverage.csv")
        .then()
        .statusCode(400);
    viewer(filters).get("/api/reports/coverage.docx").then().statusCode(404);
  }

  @Test
  void downloadsNeedAKeyAndSchedulesAnEditor() {
    corpus();
    RestAssured.given().get("/api/reports/coverage.csv").then().statusCode(401);
    RestAssured.given()
        .header("X-API-Key", "wrong")
        .get("/api/reports/coverage.pdf")
        .then()
        .statusCode(401);
    Api.asViewer().get("/api/reports/schedules").then().statusCode(403);
    Api.asViewer()
        .contentType(ContentType.JSON)
        .body(schedule("xlsx", "0 0 7 ? * MON"))
        .post("/api/reports/schedules")
        .then()
        .statusCode(403);
    Api.asViewer().post("/api/reports/schedules/1/run").then().statusCode(403);
  }

  private Map<String, Object> schedule(String format, String cron) {
    Map<String, Object> m = new HashMap<>();
    m.put("name", "Weekly " + tag);
    m.put("query", "");
    m.put("sources", List.of(srcRecent));
    m.put("period", "7d");
    m.put("format", format);
    m.put("cron", cron);
    m.put("tz", "Asia/Jakarta");
    m.put("recipients", List.of("boss-" + tag + "@example.org", "team-" + tag + "@example.org"));
    return m;
  }

  @Test
  void schedulesAreSavedValidatedAndRunByMail() throws Exception {
    corpus();
    long id =
        ((Number)
                Api.asEditor()
                    .contentType(ContentType.JSON)
                    .body(schedule("xlsx", "0 0 7 ? * MON"))
                    .post("/api/reports/schedules")
                    .then()
                    .statusCode(201)
                    .body("period", equalTo("PT168H"))
                    .body("format", equalTo("xlsx"))
                    .body("enabled", equalTo(true))
                    .body("recipients.size()", equalTo(2))
                    .extract()
                    .path("id"))
            .longValue();
    Api.asEditor()
        .get("/api/reports/schedules/" + id)
        .then()
        .statusCode(200)
        .body("cron", equalTo("0 0 7 ? * MON"));
    List<Integer> ids =
        Api.asEditor().get("/api/reports/schedules").then().statusCode(200).extract().path("id");
    assertTrue(ids.contains((int) id));

    Response run = Api.asEditor().post("/api/reports/schedules/" + id + "/run");
    run.then().statusCode(200).body("fileName", equalTo("coverage.xlsx"));
    assertTrue(MAIL.waitForIncomingEmail(10_000, 2), "no mail arrived");
    MimeMessage m = MAIL.getReceivedMessages()[0];
    assertTrue(m.getSubject().contains("Weekly " + tag), m.getSubject());
    byte[] attachment = attachment(m, "coverage.xlsx");
    Map<String, String> recent = new LinkedHashMap<>();
    recent.put("source", srcRecent);
    recent.put("from", run.jsonPath().getString("from"));
    recent.put("to", run.jsonPath().getString("to"));
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(attachment))) {
      assertEquals(3, book.getSheet(XlsxReport.ARTICLES).getLastRowNum());
      assertEquals(searchTotal(recent), book.getSheet(XlsxReport.ARTICLES).getLastRowNum());
      Sheet report = book.getSheet(XlsxReport.REPORT);
      assertEquals("Sources", report.getRow(2).getCell(0).getStringCellValue());
      assertEquals(srcRecent, report.getRow(2).getCell(1).getStringCellValue());
      assertEquals("Asia/Jakarta", report.getRow(4).getCell(1).getStringCellValue());
    }
    Api.asEditor()
        .get("/api/reports/schedules/" + id)
        .then()
        .body("lastStatus", equalTo("sent to 2 recipient(s)"))
        .body("lastRunAt", org.hamcrest.Matchers.notNullValue());

    Map<String, Object> csv = schedule("csv", "0 30 6 * * ?");
    Api.asEditor()
        .contentType(ContentType.JSON)
        .body(csv)
        .put("/api/reports/schedules/" + id)
        .then()
        .statusCode(200)
        .body("format", equalTo("csv"));
    MAIL.reset();
    Api.asEditor().post("/api/reports/schedules/" + id + "/run").then().statusCode(200);
    assertTrue(MAIL.waitForIncomingEmail(10_000, 1), "no mail arrived");
    List<CSVRecord> rows = csv(attachment(MAIL.getReceivedMessages()[0], "coverage.csv"));
    assertEquals(3, rows.size());

    Api.asEditor().delete("/api/reports/schedules/" + id).then().statusCode(204);
    Api.asEditor().get("/api/reports/schedules/" + id).then().statusCode(404);
    Api.asEditor().post("/api/reports/schedules/" + id + "/run").then().statusCode(404);
  }

  @Test
  void invalidSchedulesAreRefusedNamingTheField() {
    corpus();
    Map<String, String> fieldOf = new LinkedHashMap<>();
    fieldOf.put("cron", "every monday");
    fieldOf.put("query", "(banjir");
    fieldOf.put("tz", "Mars/Olympus");
    fieldOf.put("recipients", "not-an-address");
    for (Map.Entry<String, String> e : fieldOf.entrySet()) {
      Map<String, Object> body = schedule("pdf", "0 0 7 ? * MON");
      body.put(e.getKey(), e.getKey().equals("recipients") ? List.of(e.getValue()) : e.getValue());
      Api.asEditor()
          .contentType(ContentType.JSON)
          .body(body)
          .post("/api/reports/schedules")
          .then()
          .statusCode(400)
          .contentType("application/problem+json")
          .body("errors[0].field", equalTo(e.getKey()));
    }
    Map<String, Object> body = schedule("docx", "0 0 7 ? * MON");
    Api.asEditor()
        .contentType(ContentType.JSON)
        .body(body)
        .post("/api/reports/schedules")
        .then()
        .statusCode(400);
    body = schedule("csv", "0 0 7 ? * MON");
    body.put("period", "soon");
    Api.asEditor()
        .contentType(ContentType.JSON)
        .body(body)
        .post("/api/reports/schedules")
        .then()
        .statusCode(400)
        .body("detail", containsString("period"));
  }

  private static byte[] attachment(MimeMessage m, String name) throws Exception {
    Multipart parts = (Multipart) m.getContent();
    for (int i = 0; i < parts.getCount(); i++) {
      BodyPart p = parts.getBodyPart(i);
      if (name.equals(p.getFileName())) {
        try (InputStream in = p.getInputStream()) {
          return in.readAllBytes();
        }
      }
    }
    throw new AssertionError("no attachment " + name);
  }
}
