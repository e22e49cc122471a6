package io.pantau.alerts;

import java.time.Instant;
import java.util.List;

/** The parts of a stored rule that matching and delivery need, read once from the database. */
record RuleSnapshot(
    long id,
    String name,
    AlertType type,
    String query,
    List<AlertChannel> channels,
    String secret,
    boolean enabled,
    Instant mutedUntil,
    int digestMinutes) {

  RuleSnapshot {
    channels = List.copyOf(channels);
  }

  AlertPayload.RuleRef ref() {
    return new AlertPayload.RuleRef(id, name, type, query);
  }

  boolean mutedAt(Instant now) {
    return mutedUntil != null && now.isBefore(mutedUntil);
  }
}
