package io.pantau.alerts;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where an alert is delivered: a webhook ({@code type=webhook}, {@code url}) or an e-mail address
 * ({@code type=email}, {@code to}).
 */
public record AlertChannel(String type, String url, String to) {
  static final String WEBHOOK = "webhook";
  static final String EMAIL = "email";

  /** What stands for the hidden part of a masked webhook URL. */
  static final String HIDDEN = "\u2026";

  private static final Pattern URL = Pattern.compile("https?://[^\\s\"'<>]+");

  /** A short form for events and logs: the URL or the address. */
  String target() {
    return WEBHOOK.equals(type) ? "webhook " + url : "email " + to;
  }

  /** This channel with its webhook URL masked ({@link #mask(String)}); e-mail stays as it is. */
  AlertChannel masked() {
    return WEBHOOK.equals(type) ? new AlertChannel(type, mask(url), to) : this;
  }

  /**
   * A webhook URL with only its scheme, host and port left: webhook services put their bearer
   * secret in the path or query ({@code https://hooks.example/services/T0/B0/XXXX}), so whoever
   * reads the URL can post to the channel. Path, query and fragment become {@code /…} whatever they
   * were, so the masked form does not even tell whether there was a path.
   */
  static String mask(String url) {
    if (url == null) {
      return null;
    }
    try {
      URI u = new URI(url);
      if (u.getScheme() == null || u.getHost() == null) {
        return HIDDEN;
      }
      return u.getScheme()
          + "://"
          + u.getHost()
          + (u.getPort() < 0 ? "" : ":" + u.getPort())
          + "/"
          + HIDDEN;
    } catch (URISyntaxException e) {
      return HIDDEN;
    }
  }

  /** Text (an event's channel or error) with every http(s) URL in it masked. */
  static String maskUrlsIn(String text) {
    if (text == null) {
      return null;
    }
    Matcher m = URL.matcher(text);
    StringBuilder b = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(b, Matcher.quoteReplacement(mask(m.group())));
    }
    return m.appendTail(b).toString();
  }
}
