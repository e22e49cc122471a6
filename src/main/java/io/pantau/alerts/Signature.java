package io.pantau.alerts;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The webhook signature. Each request carries {@link #TIMESTAMP_HEADER} (Unix seconds when it was
 * sent), {@link #DELIVERY_HEADER} (an id unique to one notification on one channel, the same on
 * every retry of it) and {@link #HEADER}: {@code sha256=} and the hex HMAC-SHA256, keyed with the
 * rule's secret, of {@code <timestamp>.<delivery id>.<body>}.
 *
 * <p>A receiver that checks the signature, refuses timestamps more than a few minutes from its
 * clock and remembers the delivery ids it accepted for that long can refuse a request captured and
 * sent again: an old one fails the clock, a recent one its id, and neither the timestamp nor the id
 * can be changed without breaking the signature. (Until this was added only the body was signed, so
 * a captured request stayed valid for ever.)
 */
public final class Signature {
  /** The header that carries the signature. */
  public static final String HEADER = "X-Pantau-Signature";

  /** The header that carries the Unix time, in seconds, at which the request was sent. */
  public static final String TIMESTAMP_HEADER = "X-Pantau-Timestamp";

  /** The header that carries the delivery id, stable across retries of one delivery. */
  public static final String DELIVERY_HEADER = "X-Pantau-Delivery";

  private static final SecureRandom RANDOM = new SecureRandom();

  private Signature() {}

  /** The {@link #HEADER} value for one request. */
  public static String sign(long timestampSeconds, String deliveryId, byte[] body, String secret) {
    ByteArrayOutputStream signed = new ByteArrayOutputStream(body.length + 64);
    signed.writeBytes(
        (timestampSeconds + "." + deliveryId + ".").getBytes(StandardCharsets.US_ASCII));
    signed.writeBytes(body);
    return hmac(signed.toByteArray(), secret);
  }

  /** {@code sha256=} and the hex HMAC-SHA256 of the bytes under the secret. */
  static String hmac(byte[] data, String secret) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return "sha256=" + HexFormat.of().formatHex(mac.doFinal(data));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
    }
  }

  /** A new random secret: 256 bits, hex. */
  static String newSecret() {
    byte[] b = new byte[32];
    RANDOM.nextBytes(b);
    return "whsec_" + HexFormat.of().formatHex(b);
  }
}
