package io.pantau.query;

/** A query that cannot be run as written; the web layer answers 400 with {@link #getMessage()}. */
public class QueryException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int position;

  QueryException(int position, String message) {
    super(message);
    this.position = position;
  }

  /** Zero-based offset in the query text (UTF-16 units, as JavaScript counts) of the problem. */
  public int position() {
    return position;
  }
}
