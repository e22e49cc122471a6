package io.pantau.testsupport;

import java.util.Random;

/**
 * Random strings over a small alphabet, for tests that check code against a plain specification.
 */
public final class RandomText {
  private RandomText() {}

  /** {@code length} characters, each drawn from {@code alphabet}. */
  public static String of(Random random, char[] alphabet, int length) {
    StringBuilder b = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      b.append(alphabet[random.nextInt(alphabet.length)]);
    }
    return b.toString();
  }
}
