package io.pantau.alerts;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * A stored rule as the API shows it. {@code secret}, the key of the webhook signatures, is set only
 * in the answer that created the rule. Viewers see it {@link #withWebhooksMasked() masked}.
 */
public record AlertView(
    long id,
    String name,
    String query,
    AlertType type,
    Double threshold,
    String window,
    Integer baselineWindows,
    Integer minArticles,
    List<AlertChannel> channels,
    boolean enabled,
    Instant mutedUntil,
    int digestMinutes,
    String owner,
    Instant createdAt,
    Instant updatedAt,
    Instant lastFiredAt,
    @JsonInclude(JsonInclude.Include.NON_NULL) String secret) {

  /**
   * The rule as a viewer may see it: webhook URLs reduced to scheme, host and port, since a webhook
   * URL is often itself the secret that lets anyone post to the channel.
   */
  public AlertView withWebhooksMasked() {
    return new AlertView(
        id,
        name,
        query,
        type,
        threshold,
        window,
        baselineWindows,
        minArticles,
        channels.stream().map(AlertChannel::masked).toList(),
        enabled,
        mutedUntil,
        digestMinutes,
        owner,
        createdAt,
        updatedAt,
        lastFiredAt,
        null);
  }
}
