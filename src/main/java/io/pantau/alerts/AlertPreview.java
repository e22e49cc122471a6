package io.pantau.alerts;

import java.time.Instant;
import java.util.List;

/**
 * How many articles of the last 30 days a query matches, with the newest few.
 *
 * @param total matching articles published in the period
 * @param from start of the period
 * @param samples up to ten of them, newest first
 */
public record AlertPreview(long total, Instant from, List<Sample> samples) {
  /** One matching article. */
  public record Sample(String id, String title, String url, String source, Instant published) {}
}
