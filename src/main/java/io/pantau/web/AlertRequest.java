package io.pantau.web;

import io.pantau.alerts.AlertChannel;
import io.pantau.alerts.AlertDraft;
import io.pantau.alerts.AlertType;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The body of {@code POST /api/alerts} and {@code PUT /api/alerts/{id}}. {@code window} is an
 * ISO-8601 duration ({@code PT1H}) or a number with s, m, h or d ({@code 30m}); {@code mutedUntil}
 * an ISO-8601 instant or date.
 */
public record AlertRequest(
    String name,
    String query,
    String type,
    Double threshold,
    String window,
    Integer baselineWindows,
    Integer minArticles,
    List<AlertChannel> channels,
    Boolean enabled,
    String mutedUntil,
    Integer digestMinutes) {

  AlertDraft toDraft() {
    return new AlertDraft(
        name,
        query,
        type(type),
        threshold,
        window(window),
        baselineWindows,
        minArticles,
        channels,
        enabled,
        Params.instant("mutedUntil", mutedUntil).orElse(null),
        digestMinutes);
  }

  private static AlertType type(String type) {
    if (type == null || type.isBlank()) {
      return null;
    }
    try {
      return AlertType.valueOf(type.trim().toLowerCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new BadRequest("type must be match, volume_spike or sentiment_shift.");
    }
  }

  private static Duration window(String window) {
    return Params.duration(
        window, "window must be an ISO-8601 duration (PT1H) or like 30m, 1h, 1d.");
  }
}
