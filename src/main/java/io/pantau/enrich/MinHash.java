package io.pantau.enrich;

import io.pantau.article.Fingerprint;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Near-duplicate fingerprints: a MinHash signature over word 5-shingles of the folded body and LSH
 * band keys derived from it. Every constant is fixed, so fingerprints agree across runs, machines
 * and versions of the JDK; changing one invalidates stored fingerprints.
 */
public final class MinHash {
  /** Signature length. */
  public static final int HASHES = 128;

  /** Rows per LSH band; 32 bands of 4 rows catch pairs above a Jaccard of roughly 0.4. */
  public static final int ROWS_PER_BAND = 4;

  static final int SHINGLE_WORDS = 5;
  private static final int TOKEN_SEED = 0x5eed_0001;
  private static final int[] MULTIPLIERS = new int[HASHES];
  private static final int[] ADDENDS = new int[HASHES];

  static {
    // splitmix64 from a fixed seed: reproducible multiply-add hash parameters
    long state = 0x70616e7461750001L;
    for (int i = 0; i < HASHES; i++) {
      state += 0x9E3779B97F4A7C15L;
      MULTIPLIERS[i] = (int) (fmix64(state) >>> 32) | 1;
      state += 0x9E3779B97F4A7C15L;
      ADDENDS[i] = (int) (fmix64(state) >>> 32);
    }
  }

  private MinHash() {}

  /**
   * Estimated Jaccard similarity of the shingle sets behind two fingerprints: the share of
   * signature positions that agree. Zero when either is empty or they differ in length.
   */
  public static double similarity(Fingerprint a, Fingerprint b) {
    if (a == null || b == null || !a.hasSignature() || !b.hasSignature()) {
      return 0;
    }
    int n = a.minhash().size();
    if (n != b.minhash().size()) {
      return 0;
    }
    int same = 0;
    for (int i = 0; i < n; i++) {
      if (a.minhash(i) == b.minhash(i)) {
        same++;
      }
    }
    return same / (double) n;
  }

  /** Whether two fingerprints share at least one LSH band key. */
  public static boolean shareBand(Fingerprint a, Fingerprint b) {
    if (a == null || b == null) {
      return false;
    }
    for (String band : a.bands()) {
      if (b.bands().contains(band)) {
        return true;
      }
    }
    return false;
  }

  /** Fingerprints the body tokens of an analysed text; empty when there are too few words. */
  static Fingerprint of(AnalyzedText t) {
    int n = t.size() - t.bodyStart();
    if (n < SHINGLE_WORDS) {
      return Fingerprint.NONE;
    }
    int[] tokenHashes = new int[n];
    for (int i = 0; i < n; i++) {
      tokenHashes[i] = murmur3(t.folded(t.bodyStart() + i), TOKEN_SEED);
    }
    // 32-bit lanes so that the JIT vectorises the 128 hash functions per shingle (AVX2 holds
    // eight): x -> (a x + b) mod 2^32, an xorshift, and the top 31 bits, so that the minimum can
    // be taken with arithmetic that cannot overflow (C2 vectorises that, not Math.min)
    int[] min = new int[HASHES];
    Arrays.fill(min, Integer.MAX_VALUE);
    int[] mul = MULTIPLIERS;
    int[] add = ADDENDS;
    for (int s = 0; s + SHINGLE_WORDS <= n; s++) {
      long h = 0;
      for (int k = 0; k < SHINGLE_WORDS; k++) {
        h = h * 0x9E3779B97F4A7C15L + (tokenHashes[s + k] & 0xffffffffL);
      }
      int x = (int) (fmix64(h) >>> 32);
      for (int i = 0; i < HASHES; i++) {
        int v = mul[i] * x + add[i];
        v = (v ^ (v >>> 15)) >>> 1;
        int m = min[i];
        int d = v - m;
        min[i] = m + (d & (d >> 31));
      }
    }
    List<String> bands = new ArrayList<>(HASHES / ROWS_PER_BAND);
    for (int b = 0; b < HASHES / ROWS_PER_BAND; b++) {
      long h = b;
      for (int r = 0; r < ROWS_PER_BAND; r++) {
        h = h * 0x9E3779B97F4A7C15L + min[b * ROWS_PER_BAND + r];
      }
      bands.add(bandKey(b, (int) (fmix64(h) >>> 32)));
    }
    return Fingerprint.of(min, bands);
  }

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  /** "b07:3fa9c2e1": the band number and the band's hash, without String.format's cost. */
  private static String bandKey(int band, int hash) {
    char[] c = new char[12];
    c[0] = 'b';
    c[1] = (char) ('0' + band / 10);
    c[2] = (char) ('0' + band % 10);
    c[3] = ':';
    for (int i = 0; i < 8; i++) {
      c[4 + i] = HEX[(hash >>> (28 - 4 * i)) & 0xf];
    }
    return new String(c);
  }

  /** Murmur3 x86 32-bit over UTF-16 code units, two to a block. */
  static int murmur3(CharSequence s, int seed) {
    int h = seed;
    int len = s.length();
    int i = 0;
    for (; i + 1 < len; i += 2) {
      int k = s.charAt(i) | (s.charAt(i + 1) << 16);
      h = mixH(h, mixK(k));
    }
    if (i < len) {
      h ^= mixK(s.charAt(i));
    }
    h ^= len * 2;
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    h *= 0xc2b2ae35;
    h ^= h >>> 16;
    return h;
  }

  private static int mixK(int k) {
    k *= 0xcc9e2d51;
    k = Integer.rotateLeft(k, 15);
    return k * 0x1b873593;
  }

  private static int mixH(int h, int k) {
    h ^= k;
    h = Integer.rotateLeft(h, 13);
    return h * 5 + 0xe6546b64;
  }

  static long fmix64(long k) {
    k ^= k >>> 33;
    k *= 0xff51afd7ed558ccdL;
    k ^= k >>> 33;
    k *= 0xc4ceb93fe53a87cdL;
    k ^= k >>> 33;
    return k;
  }
}
