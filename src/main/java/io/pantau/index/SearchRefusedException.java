package io.pantau.index;

/**
 * Elasticsearch refused a search as too large for it once expanded (a prefix that matches more
 * words than its clause limit, inside NEAR for example) or the search ran out of time. The query is
 * the caller's to narrow; answered as 400, never as an empty page.
 */
public class SearchRefusedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public SearchRefusedException(String message, Throwable cause) {
    super(message, cause);
  }
}
