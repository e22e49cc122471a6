package io.pantau.reports;

import io.pantau.article.Article;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;

/**
 * RFC 4180 CSV in UTF-8: comment lines starting with {@code #} record the provenance, then a header
 * row and one row per article. Read it back with a format whose comment marker is {@code #}.
 *
 * <p>Every text cell is quoted and text that a spreadsheet would take for a formula starts with a
 * {@code '} ({@link CellText}); numbers are written bare, so they stay numbers in a spreadsheet.
 */
final class CsvReport implements ReportWriter {
  /** The format reports are written in; readers use the same. */
  static final CSVFormat FORMAT =
      CSVFormat.RFC4180
          .builder()
          .setCommentMarker('#')
          .setRecordSeparator("\r\n")
          // Quote text, not numbers: OWASP's advice for spreadsheet exports, and numbers that
          // Pantau computed keep reading as numbers.
          .setQuoteMode(QuoteMode.NON_NUMERIC)
          .get();

  private final Writer writer;
  private final CSVPrinter printer;

  CsvReport(OutputStream out, List<Provenance.Entry> provenance) throws IOException {
    this.writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    this.printer = new CSVPrinter(writer, FORMAT);
    for (Provenance.Entry e : provenance) {
      printer.printComment(CellText.neutraliseLine(e.name() + ": " + e.value()));
    }
    printer.printRecord(Columns.HEADER);
  }

  @Override
  public boolean row(Article article, long copies) throws IOException {
    List<Object> v = Columns.row(article, copies);
    for (Object o : v) {
      printer.print(cell(o));
    }
    printer.println();
    return true;
  }

  /**
   * Numbers stay numbers (the score with four decimals, as a Number so that it is not quoted); text
   * from articles is neutralised.
   */
  private static Object cell(Object o) {
    if (o instanceof Double d) {
      return Double.isFinite(d) ? BigDecimal.valueOf(d).setScale(4, RoundingMode.HALF_UP) : null;
    }
    if (o instanceof String s) {
      return CellText.neutralise(s);
    }
    return o;
  }

  @Override
  public void finish() throws IOException {
    printer.flush();
  }

  @Override
  public void close() {
    // The output belongs to the caller; nothing else is held.
  }
}
