package io.pantau.alerts;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The webhook signature: {@code sha256=} and the hex HMAC-SHA256 of the body under the secret. */
public final class Signature {
  /** The header that carries the signature. */
  public static final String HEADER = "X-Pantau-Signature";

  private static final SecureRandom RANDOM = new SecureRandom();

  private Signature() {}

  /** The header value for this body and secret. */
  public static String sign(byte[] body, String secret) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
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
