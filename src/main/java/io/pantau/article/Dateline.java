package io.pantau.article;

/**
 * The dateline that opens a wire story ("Astana (ANTARA) -", "LONDON (Reuters) -").
 *
 * @param place where the story was filed
 * @param agency the agency named in the dateline
 */
public record Dateline(String place, String agency) {
  public static final Dateline NONE = new Dateline(null, null);
}
