package io.pantau.alerts;

import java.time.Instant;
import java.util.List;

/** What a rule fired, when, about which articles, to which channel, and how delivery went. */
public record AlertEventView(
    long id,
    long ruleId,
    Instant firedAt,
    String kind,
    String storyId,
    List<String> articleIds,
    String channel,
    String status,
    int attempts,
    String lastError,
    String summary) {

  static AlertEventView of(AlertEvent e) {
    return new AlertEventView(
        e.id,
        e.ruleId,
        e.firedAt,
        e.kind,
        e.storyId,
        e.articleIds.isEmpty() ? List.of() : List.of(e.articleIds.split(",")),
        e.channel,
        e.status,
        e.attempts,
        e.lastError,
        e.summary);
  }
}
