package io.pantau.monitor;

import java.util.List;

/**
 * One reason a document matched: a word, phrase or field value of the query as the user wrote it,
 * and where it was found.
 *
 * @param text the clause as written in the query ({@code "Kazakhstan"}, {@code person:"Xi"})
 * @param fields where it was found: {@code title}, {@code body}, or the exact field's name
 */
public record Highlight(String text, List<String> fields) {
  public Highlight {
    fields = List.copyOf(fields);
  }
}
