package io.pantau.article;

/** What the rights holder says about automated and AI use of the text. */
public enum AiUse {
  allowed,
  prohibited,
  unknown
}
