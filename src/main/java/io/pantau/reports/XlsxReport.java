package io.pantau.reports;

import io.pantau.analytics.EntityCounts;
import io.pantau.analytics.SentimentTimeline;
import io.pantau.analytics.SourceShares;
import io.pantau.analytics.TermCounts;
import io.pantau.analytics.Volume;
import io.pantau.article.Article;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * An XLSX workbook written with POI's streaming SXSSF: only a window of rows stays in memory, the
 * rest goes to a compressed temporary file until the workbook is written out. Sheets: Report
 * (provenance), Articles (one row per article), and the summaries Volume by day, Sources, Keywords,
 * Sentiment and Entities.
 */
final class XlsxReport implements ReportWriter {
  static final String REPORT = "Report";
  static final String ARTICLES = "Articles";
  static final String VOLUME = "Volume by day";
  static final String SOURCES = "Sources";
  static final String KEYWORDS = "Keywords";
  static final String SENTIMENT = "Sentiment";
  static final String ENTITIES = "Entities";

  /** Rows kept in memory per sheet before they are flushed to the temporary file. */
  private static final int WINDOW = 200;

  /** The longest text a cell holds. */
  private static final int MAX_CELL = SpreadsheetVersion.EXCEL2007.getMaxTextLength();

  private final OutputStream out;
  private final SXSSFWorkbook book;
  private final SXSSFSheet articles;
  private final CellStyle bold;

  /**
   * Excel's own mark for text that starts like a formula (the hidden leading apostrophe). Cells are
   * typed strings and never evaluated as written; the mark keeps them text when a reader edits one,
   * where Excel would otherwise re-read {@code =HYPERLINK(...)} as a formula.
   */
  private final CellStyle quoted;

  private final ZoneId zone;
  private int next = 1;

  XlsxReport(OutputStream out, List<Provenance.Entry> provenance, Summary summary, ZoneId zone) {
    this.out = out;
    this.zone = zone;
    this.book = new SXSSFWorkbook(WINDOW);
    book.setCompressTempFiles(true);
    Font f = book.createFont();
    f.setBold(true);
    bold = book.createCellStyle();
    bold.setFont(f);
    quoted = book.createCellStyle();
    quoted.setQuotePrefixed(true);
    Sheet report = book.createSheet(REPORT);
    int r = 0;
    for (Provenance.Entry e : provenance) {
      write(report.createRow(r++), List.of(e.name(), e.value()));
    }
    articles = book.createSheet(ARTICLES);
    header(articles, Columns.HEADER);
    summaries(summary);
  }

  private void summaries(Summary s) {
    Sheet volume = book.createSheet(VOLUME);
    header(volume, List.of("date", "articles"));
    int r = 1;
    for (Volume.Point p : s.volume().points()) {
      write(volume.createRow(r++), List.of(day(p.t()), p.count()));
    }
    Sheet sources = book.createSheet(SOURCES);
    header(sources, List.of("source", "articles", "share"));
    r = 1;
    for (SourceShares.Item i : s.sources().items()) {
      write(sources.createRow(r++), List.of(i.source(), i.count(), i.share()));
    }
    Sheet keywords = book.createSheet(KEYWORDS);
    header(keywords, List.of("keyword", "articles"));
    r = 1;
    for (TermCounts.Item i : s.keywords().items()) {
      write(keywords.createRow(r++), List.of(i.term(), i.count()));
    }
    Sheet sentiment = book.createSheet(SENTIMENT);
    header(sentiment, List.of("date", "articles", "meanScore", "positive", "neutral", "negative"));
    r = 1;
    for (SentimentTimeline.Point p : s.sentiment().points()) {
      Row row = sentiment.createRow(r++);
      write(
          row,
          Arrays.asList(day(p.t()), p.count(), p.avg(), p.positive(), p.neutral(), p.negative()));
    }
    Sheet entities = book.createSheet(ENTITIES);
    header(entities, List.of("type", "name", "articles"));
    r = 1;
    for (EntityCounts counts : List.of(s.persons(), s.organizations(), s.places())) {
      for (EntityCounts.Item i : counts.items()) {
        write(entities.createRow(r++), List.of(counts.type().name(), i.name(), i.count()));
      }
    }
  }

  private String day(Instant t) {
    return LocalDate.ofInstant(t, zone).toString();
  }

  private void header(Sheet sheet, List<String> names) {
    Row row = sheet.createRow(0);
    for (int c = 0; c < names.size(); c++) {
      Cell cell = row.createCell(c);
      cell.setCellValue(names.get(c));
      cell.setCellStyle(bold);
    }
  }

  private void write(Row row, List<?> values) {
    for (int c = 0; c < values.size(); c++) {
      Object v = values.get(c);
      if (v == null) {
        continue;
      }
      Cell cell = row.createCell(c);
      if (v instanceof Number n) {
        cell.setCellValue(n.doubleValue());
      } else {
        String s = v.toString();
        cell.setCellValue(s.length() > MAX_CELL ? s.substring(0, MAX_CELL) : s);
        if (CellText.risky(s)) {
          cell.setCellStyle(quoted);
        }
      }
    }
  }

  @Override
  public boolean row(Article article, long copies) {
    if (next >= SpreadsheetVersion.EXCEL2007.getMaxRows()) {
      return false;
    }
    write(articles.createRow(next++), Columns.row(article, copies));
    return true;
  }

  @Override
  public void finish() throws IOException {
    book.write(out);
    out.flush();
  }

  @Override
  public void close() throws IOException {
    book.close();
  }
}
