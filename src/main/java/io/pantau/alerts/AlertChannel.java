package io.pantau.alerts;

/**
 * Where an alert is delivered: a webhook ({@code type=webhook}, {@code url}) or an e-mail address
 * ({@code type=email}, {@code to}).
 */
public record AlertChannel(String type, String url, String to) {
  static final String WEBHOOK = "webhook";
  static final String EMAIL = "email";

  /** A short form for events and logs: the URL or the address. */
  String target() {
    return WEBHOOK.equals(type) ? "webhook " + url : "email " + to;
  }
}
