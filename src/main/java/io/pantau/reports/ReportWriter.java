package io.pantau.reports;

import io.pantau.article.Article;
import java.io.IOException;

/** Writes one report file: the rows as they come, then whatever ends the file. */
interface ReportWriter extends AutoCloseable {

  /**
   * Writes one article.
   *
   * @return false when the file takes no more rows (the reader may stop)
   */
  boolean row(Article article, long copies) throws IOException;

  /** Completes the file and flushes it to the output (which stays open). */
  void finish() throws IOException;

  /** Releases what the writer holds (temporary files); called after finish or on failure. */
  @Override
  void close() throws IOException;
}
