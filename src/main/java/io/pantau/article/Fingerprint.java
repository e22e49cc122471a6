package io.pantau.article;

import java.util.List;

/**
 * A near-duplicate fingerprint of an article's body: MinHash values and the LSH band keys derived
 * from them. Two articles that share a band key are candidates for being the same story.
 *
 * @param minhash the MinHash signature (empty when the body is too short to fingerprint)
 * @param bands one key per LSH band, stable across runs and machines
 */
public record Fingerprint(List<Integer> minhash, List<String> bands) {
  public static final Fingerprint NONE = new Fingerprint(List.of(), List.of());

  public Fingerprint {
    minhash = IntArrayList.copyOf(minhash == null ? List.of() : minhash);
    bands = bands == null ? List.of() : List.copyOf(bands);
  }

  /** A fingerprint of these signature values (copied) and band keys. */
  public static Fingerprint of(int[] minhash, List<String> bands) {
    return new Fingerprint(IntArrayList.of(minhash), bands);
  }

  /** The i-th signature value, without boxing it. */
  public int minhash(int i) {
    return ((IntArrayList) minhash).getInt(i);
  }

  /** False when the body was too short to fingerprint. */
  public boolean hasSignature() {
    return !minhash.isEmpty();
  }
}
