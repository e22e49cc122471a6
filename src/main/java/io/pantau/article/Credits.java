package io.pantau.article;

/** The people credited for the story. */
public record Credits(String reporter, String editor, String photographer) {
  public static final Credits NONE = new Credits(null, null, null);
}
