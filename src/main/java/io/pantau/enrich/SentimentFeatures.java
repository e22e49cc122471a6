package io.pantau.enrich;

import java.util.Arrays;
import java.util.Set;

/**
 * Hashed features for the sentiment model, computed from the shared tokens without building
 * strings: folded words (marked when a negator stands in the three words before), word bigrams
 * within a sentence, and character trigrams of each word for Indonesian affixes. The trainer and
 * the runtime model use this one class, so features cannot drift apart.
 */
final class SentimentFeatures {
  static final int BUCKET_BITS = 17;
  static final int BUCKETS = 1 << BUCKET_BITS;
  private static final int WORD_SEED = 0x51_e0_01;
  private static final int NEGATED_SALT = 0x2f6b_1d3c;
  private static final int BIGRAM_SALT = 0x6a09_e667;
  private static final int NUMBER = 0x7ffe_1234;
  private static final int NEGATION_WINDOW = 3;
  private static final Set<String> NEGATORS =
      Set.of(
          "tidak", "tak", "bukan", "belum", "tanpa", "jangan", "kurang", "not", "no", "never",
          "without", "nor", "cannot", "gak", "nggak", "enggak", "ga");

  private SentimentFeatures() {}

  /**
   * The features of a text: each entry is a bucket in the low bits and the sign in bit 31. Returns
   * an array sized to its content.
   */
  static int[] of(AnalyzedText t) {
    int n = t.size();
    int[] out = new int[Math.max(4, n * 8)];
    int size = 0;
    int prev = 0;
    int prevSentence = -1;
    int lastNegator = -100;
    for (int i = 0; i < n; i++) {
      String w = t.folded(i);
      int h;
      if (t.has(i, AnalyzedText.NUMERIC)) {
        h = NUMBER;
      } else {
        h = MinHash.murmur3(w, WORD_SEED);
      }
      if (NEGATORS.contains(w)) {
        lastNegator = i;
      } else if (i - lastNegator <= NEGATION_WINDOW) {
        h ^= NEGATED_SALT;
      }
      if (size + 8 + w.length() > out.length) {
        out = Arrays.copyOf(out, out.length * 2 + w.length() + 8);
      }
      out[size++] = bucket(h);
      if (t.sentence(i) == prevSentence) {
        out[size++] = bucket(mix(prev * 31 + h) ^ BIGRAM_SALT);
      }
      prev = h;
      prevSentence = t.sentence(i);
      if (!t.has(i, AnalyzedText.NUMERIC) && w.length() >= 3) {
        int len = w.length();
        for (int k = -1; k + 2 <= len; k++) {
          char a = k < 0 ? '^' : w.charAt(k);
          char b = w.charAt(k + 1);
          char c = k + 2 < len ? w.charAt(k + 2) : '$';
          long packed = ((long) a << 32) | ((long) b << 16) | c;
          out[size++] = bucket((int) MinHash.fmix64(packed ^ 0x3c6e_f372_fe94_f82bL));
        }
      }
    }
    return Arrays.copyOf(out, size);
  }

  private static int bucket(int h) {
    int m = mix(h);
    return (m & (BUCKETS - 1)) | (m & 0x8000_0000);
  }

  private static int mix(int h) {
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    h *= 0xc2b2ae35;
    h ^= h >>> 16;
    return h;
  }
}
