package io.pantau.enrich.eval;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The fixed train / held-out split of the development sets: a row is held out when the SHA-1 of its
 * id falls in the lowest {@link #HELD_OUT_PERCENT} buckets. Anything tuned or trained reads only
 * the other rows, and every reported figure reads only these.
 */
public final class Held {
  static final int HELD_OUT_PERCENT = 30;

  private Held() {}

  /** Whether a development row with this id is held out from tuning and training. */
  public static boolean out(String id) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-1").digest(id.getBytes(StandardCharsets.UTF_8));
      int bucket = ((d[0] & 0xff) << 8 | (d[1] & 0xff)) % 100;
      return bucket < HELD_OUT_PERCENT;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
