package io.pantau.alerts;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * A stored rule as the API shows it. {@code secret}, the key of the webhook signatures, is set only
 * in the answer that created the rule.
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
    @JsonInclude(JsonInclude.Include.NON_NULL) String secret) {}
