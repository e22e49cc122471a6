package io.pantau.query;

/** The query text does not follow the grammar, for example {@code expected ")" at 14}. */
public final class QuerySyntaxException extends QueryException {
  private static final long serialVersionUID = 1L;

  private final String expected;

  /**
   * @param position zero-based offset of the problem
   * @param expected what the parser would have accepted there, as shown to users ({@code ")"})
   * @param message the whole sentence for users; names the position
   */
  public QuerySyntaxException(int position, String expected, String message) {
    super(position, message);
    this.expected = expected;
  }

  static QuerySyntaxException expected(int position, String expected) {
    return new QuerySyntaxException(position, expected, "expected " + expected + " at " + position);
  }

  /** What would have been accepted at {@link #position()}. */
  public String expected() {
    return expected;
  }
}
