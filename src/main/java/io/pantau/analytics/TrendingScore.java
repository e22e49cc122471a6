package io.pantau.analytics;

/**
 * How unusually frequent a term is in a period compared with a reference period.
 *
 * <p>With {@code c} articles carrying the term out of {@code n} in the period, and {@code p} out of
 * {@code m} in the reference period:
 *
 * <pre>
 * score = c * ln( ((c + 1) / (n + 1)) / ((p + 1) / (m + 1)) )
 * </pre>
 *
 * The add-one smoothing keeps a term absent from the reference period finite; comparing rates
 * rather than counts lets periods of different volume (or length) be compared; weighting the
 * log-ratio by {@code c} ranks a broad rise above a single new mention (it is the term that count
 * contributes to the G-test of the two periods). A term as frequent as before scores 0, a rarer one
 * below 0.
 */
public final class TrendingScore {
  private TrendingScore() {}

  /**
   * The score of a term.
   *
   * @param count articles of the period that carry the term
   * @param total articles of the period
   * @param previousCount articles of the reference period that carry the term
   * @param previousTotal articles of the reference period
   */
  public static double score(long count, long total, long previousCount, long previousTotal) {
    if (count <= 0) {
      return 0;
    }
    double now = (count + 1.0) / (total + 1.0);
    double before = (previousCount + 1.0) / (previousTotal + 1.0);
    return count * Math.log(now / before);
  }
}
