package io.pantau.alerts;

import java.util.List;
import java.util.OptionalDouble;

/**
 * Compares the last window with the windows before it: fires when the last one lies more than
 * {@code k} standard deviations from their mean.
 */
final class SpikeDetector {
  /** Least spread assumed for average sentiment, so a flat baseline does not fire on noise. */
  static final double MIN_SENTIMENT_STDDEV = 0.05;

  /** Baseline windows that must hold articles before a sentiment average is compared. */
  static final int MIN_SENTIMENT_BASELINE = 3;

  /** The verdict and the figures it rests on. */
  record Verdict(boolean fire, double value, double mean, double stddev) {}

  private SpikeDetector() {}

  /**
   * Volume: counts are taken as Poisson-like, so the spread is at least the square root of the
   * mean, and at least 1; the window must also hold {@code minArticles}.
   */
  static Verdict volume(long current, List<Long> baseline, double k, int minArticles) {
    double mean = baseline.stream().mapToLong(Long::longValue).average().orElse(0);
    double sd = stddev(baseline.stream().mapToDouble(Long::doubleValue).toArray(), mean);
    double spread = Math.max(Math.max(sd, Math.sqrt(mean)), 1);
    boolean fire = current >= minArticles && current > mean + k * spread;
    return new Verdict(fire, current, mean, sd);
  }

  /**
   * Sentiment: the window's average against the averages of the baseline windows that held
   * articles, in either direction.
   */
  static Verdict sentiment(
      OptionalDouble current,
      long currentCount,
      List<OptionalDouble> baseline,
      double k,
      int minArticles) {
    double[] values =
        baseline.stream()
            .filter(OptionalDouble::isPresent)
            .mapToDouble(OptionalDouble::getAsDouble)
            .toArray();
    double mean = java.util.Arrays.stream(values).average().orElse(0);
    double sd = stddev(values, mean);
    if (current.isEmpty() || currentCount < minArticles || values.length < MIN_SENTIMENT_BASELINE) {
      return new Verdict(false, current.orElse(0), mean, sd);
    }
    double spread = Math.max(sd, MIN_SENTIMENT_STDDEV);
    boolean fire = Math.abs(current.getAsDouble() - mean) > k * spread;
    return new Verdict(fire, current.getAsDouble(), mean, sd);
  }

  private static double stddev(double[] values, double mean) {
    if (values.length < 2) {
      return 0;
    }
    double sum = 0;
    for (double v : values) {
      sum += (v - mean) * (v - mean);
    }
    return Math.sqrt(sum / (values.length - 1));
  }
}
