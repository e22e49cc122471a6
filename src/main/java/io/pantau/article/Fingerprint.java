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
    minhash = minhash == null ? List.of() : List.copyOf(minhash);
    bands = bands == null ? List.of() : List.copyOf(bands);
  }

  /** False when the body was too short to fingerprint. */
  public boolean hasSignature() {
    return !minhash.isEmpty();
  }
}
