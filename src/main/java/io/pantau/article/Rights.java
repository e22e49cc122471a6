package io.pantau.article;

/**
 * The rights statement found in the article.
 *
 * @param holder who holds the copyright ("ANTARA")
 * @param notice the notice as written
 * @param aiUse what the notice says of automated and AI use
 */
public record Rights(String holder, String notice, AiUse aiUse) {
  public static final Rights UNKNOWN = new Rights(null, null, AiUse.unknown);

  public Rights {
    aiUse = aiUse == null ? AiUse.unknown : aiUse;
  }
}
