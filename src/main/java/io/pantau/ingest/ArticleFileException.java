package io.pantau.ingest;

/** A seed file that cannot be read: names the file and, where it helps, the line. */
public final class ArticleFileException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String file;
  private final int line;

  /**
   * @param file the file as named to the reader
   * @param line the 1-based line, or 0 for the whole file
   * @param problem what is wrong, for a person fixing the file
   */
  public ArticleFileException(String file, int line, String problem) {
    super(file + (line > 0 ? ":" + line : "") + ": " + problem);
    this.file = file;
    this.line = line;
  }

  /** The file as it was named to the reader. */
  public String file() {
    return file;
  }

  /** The 1-based line of the problem, or 0 when it concerns the whole file. */
  public int line() {
    return line;
  }
}
