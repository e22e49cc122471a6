package io.pantau.monitor;

import java.util.List;

/**
 * One reason a document matched: a word, phrase or field value of the query as the user wrote it,
 * where it was found, and which of the document's words it matched through their stem.
 *
 * @param text the clause as written in the query ({@code "Kazakhstan"}, {@code person:"Xi"})
 * @param fields where it was found: {@code title}, {@code body}, or the exact field's name
 * @param inflections the document's words (folded) that a bare word matched only through its stem
 *     ({@code kebanjiran} for {@code banjir}); empty when it was found as written
 */
public record Highlight(String text, List<String> fields, List<String> inflections) {
  public Highlight {
    fields = List.copyOf(fields);
    inflections = inflections == null ? List.of() : List.copyOf(inflections);
  }

  /** A reason found as written. */
  public Highlight(String text, List<String> fields) {
    this(text, fields, List.of());
  }
}
