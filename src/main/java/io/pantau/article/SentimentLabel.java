package io.pantau.article;

/** The coarse tone of an article. */
public enum SentimentLabel {
  positive,
  neutral,
  negative
}
