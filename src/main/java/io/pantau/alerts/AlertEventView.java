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

  /**
   * The event as a viewer may see it: webhook URLs in the channel and in the error (an HTTP
   * client's message may quote the URL) reduced to scheme, host and port.
   */
  public AlertEventView withWebhooksMasked() {
    return new AlertEventView(
        id,
        ruleId,
        firedAt,
        kind,
        storyId,
        articleIds,
        AlertChannel.maskUrlsIn(channel),
        status,
        attempts,
        AlertChannel.maskUrlsIn(lastError),
        summary);
  }

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
