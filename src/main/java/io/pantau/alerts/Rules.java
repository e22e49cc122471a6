package io.pantau.alerts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;

/** Conversions between the stored rule and its values. */
final class Rules {
  private static final TypeReference<List<AlertChannel>> CHANNELS = new TypeReference<>() {};

  private Rules() {}

  static RuleSnapshot snapshot(AlertRule r, ObjectMapper json) {
    return new RuleSnapshot(
        r.id,
        r.name,
        r.type,
        r.query,
        channels(r.channels, json),
        r.secret,
        r.enabled,
        r.mutedUntil,
        r.digestMinutes);
  }

  static List<AlertChannel> channels(String stored, ObjectMapper json) {
    try {
      return json.readValue(stored, CHANNELS);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("alert_rule.channels is not a JSON array of channels", e);
    }
  }

  static String channelsJson(List<AlertChannel> channels, ObjectMapper json) {
    try {
      return json.writeValueAsString(channels);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("channels are plain records", e);
    }
  }
}
