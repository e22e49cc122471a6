package io.pantau.enrich.eval;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Per-class counts of a classification or extraction run, and the figures derived from them. */
final class Scores {
  private final Map<String, int[]> counts = new LinkedHashMap<>(); // tp, fp, fn

  /** Records a single-label prediction. */
  void classify(String gold, String predicted) {
    if (gold.equals(predicted)) {
      cell(gold)[0]++;
    } else {
      cell(predicted)[1]++;
      cell(gold)[2]++;
    }
  }

  void add(String label, int tp, int fp, int fn) {
    int[] c = cell(label);
    c[0] += tp;
    c[1] += fp;
    c[2] += fn;
  }

  private int[] cell(String label) {
    return counts.computeIfAbsent(label, k -> new int[3]);
  }

  double precision(String label) {
    int[] c = cell(label);
    return c[0] + c[1] == 0 ? 0 : c[0] / (double) (c[0] + c[1]);
  }

  double recall(String label) {
    int[] c = cell(label);
    return c[0] + c[2] == 0 ? 0 : c[0] / (double) (c[0] + c[2]);
  }

  double f1(String label) {
    double p = precision(label);
    double r = recall(label);
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }

  double macroF1() {
    double sum = 0;
    for (String label : counts.keySet()) {
      sum += f1(label);
    }
    return counts.isEmpty() ? 0 : sum / counts.size();
  }

  /** Accuracy of single-label predictions: every row is a tp or an fn of its gold class. */
  double accuracy() {
    int tp = 0;
    int all = 0;
    for (int[] c : counts.values()) {
      tp += c[0];
      all += c[0] + c[2];
    }
    return all == 0 ? 0 : tp / (double) all;
  }

  String table() {
    StringBuilder sb = new StringBuilder();
    for (String label : counts.keySet()) {
      sb.append(
          String.format(
              Locale.ROOT,
              "    %-13s P %.3f  R %.3f  F1 %.3f%n",
              label,
              precision(label),
              recall(label),
              f1(label)));
    }
    sb.append(String.format(Locale.ROOT, "    macro-F1 %.3f%n", macroF1()));
    return sb.toString();
  }
}
