package io.pantau.analytics;

/** What a volume point counts. */
public enum CountUnit {
  /** Matching articles. */
  articles,
  /** Distinct {@code storyId}s among the matching articles (exact below 10,000 per bucket). */
  stories
}
