package io.pantau.reports;

import io.pantau.article.Article;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * RFC 4180 CSV in UTF-8: comment lines starting with {@code #} record the provenance, then a header
 * row and one row per article. Read it back with a format whose comment marker is {@code #}.
 */
final class CsvReport implements ReportWriter {
  /** The format reports are written in; readers use the same. */
  static final CSVFormat FORMAT =
      CSVFormat.RFC4180.builder().setCommentMarker('#').setRecordSeparator("\r\n").get();

  private final Writer writer;
  private final CSVPrinter printer;

  CsvReport(OutputStream out, List<Provenance.Entry> provenance) throws IOException {
    this.writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    this.printer = new CSVPrinter(writer, FORMAT);
    for (Provenance.Entry e : provenance) {
      printer.printComment(e.name() + ": " + e.value());
    }
    printer.printRecord(Columns.HEADER);
  }

  @Override
  public boolean row(Article article, long copies) throws IOException {
    List<Object> v = Columns.row(article, copies);
    for (Object o : v) {
      printer.print(o instanceof Double d ? String.format(Locale.ROOT, "%.4f", d) : o);
    }
    printer.println();
    return true;
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
