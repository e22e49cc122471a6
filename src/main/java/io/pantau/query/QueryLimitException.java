package io.pantau.query;

/** The query is well formed but larger than Pantau runs: too long, too many clauses, too deep. */
public final class QueryLimitException extends QueryException {
  private static final long serialVersionUID = 1L;

  QueryLimitException(int position, String message) {
    super(position, message);
  }
}
