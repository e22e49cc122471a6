package io.pantau.query;

import java.util.Locale;

/** Where a word or phrase is looked for: the analysed title, the body, or either of them. */
public enum TextField {
  /** Title or body: what a word without a field prefix searches. */
  ANY,
  TITLE,
  BODY;

  /** The name as written in a query ({@code title}), empty for {@link #ANY}. */
  public String queryName() {
    return this == ANY ? "" : name().toLowerCase(Locale.ROOT);
  }
}
