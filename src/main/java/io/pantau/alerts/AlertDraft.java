package io.pantau.alerts;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A rule as a client asks for it; unset values take their defaults, and {@link Alerts} checks the
 * rest.
 *
 * @param name what the rule is called in notifications
 * @param query the Pantau query it watches
 * @param type what makes it fire
 * @param threshold for window rules, how many standard deviations from the baseline fire (k)
 * @param window for window rules, the length of a window
 * @param baselineWindows for window rules, how many windows before the last make the baseline
 * @param minArticles for window rules, the least matching articles in the last window to fire
 * @param channels where notifications go
 * @param enabled whether it fires at all
 * @param mutedUntil no notifications before this instant
 * @param digestMinutes for match rules, collect matches this long and send one message; 0 sends
 *     each at once
 */
public record AlertDraft(
    String name,
    String query,
    AlertType type,
    Double threshold,
    Duration window,
    Integer baselineWindows,
    Integer minArticles,
    List<AlertChannel> channels,
    Boolean enabled,
    Instant mutedUntil,
    Integer digestMinutes) {

  public AlertDraft {
    channels = channels == null ? List.of() : List.copyOf(channels);
  }
}
