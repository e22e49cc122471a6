package io.pantau.enrich;

import io.pantau.article.Sentiment;
import io.pantau.article.SentimentLabel;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A multinomial logistic regression over {@link SentimentFeatures}, with weights quantised to one
 * byte per class and bucket. Trained by {@code SentimentTrainer} (test sources) from the MIT and
 * Apache-2.0 licensed development sets; see {@code sentiment/MODEL.md} for provenance.
 */
final class SentimentModel {
  static final String RESOURCE = "sentiment/model.bin.gz";
  private static final int MAGIC = 0x50534d32; // "PSM2"

  /** Dense inputs after the hashed ones: the lexicon's positive and negative evidence. */
  static final int DENSE = 2;

  static final SentimentLabel[] CLASSES = {
    SentimentLabel.negative, SentimentLabel.neutral, SentimentLabel.positive
  };

  private final byte[][] weights;
  private final float[] scales;
  private final float[] bias;
  private final float[][] dense;

  SentimentModel(byte[][] weights, float[] scales, float[] bias, float[][] dense) {
    this.weights = weights;
    this.scales = scales;
    this.bias = bias;
    this.dense = dense;
  }

  /**
   * The lexicon's evidence as model inputs, so that the model learns how far to trust the curated
   * words (it has seen few disasters, the lexicon many).
   */
  static double[] dense(LexiconSentiment.Evidence e) {
    return new double[] {Math.log1p(e.positive()), Math.log1p(e.negative())};
  }

  /** The bundled model, or null when the build ships none. */
  static SentimentModel bundled() {
    InputStream in =
        SentimentModel.class.getClassLoader().getResourceAsStream(Resources.BASE + RESOURCE);
    if (in == null) {
      return null;
    }
    try (DataInputStream data = new DataInputStream(new GZIPInputStream(in))) {
      if (data.readInt() != MAGIC || data.readInt() != SentimentFeatures.BUCKETS) {
        throw new IllegalStateException("sentiment model does not match the feature layout");
      }
      int classes = data.readInt();
      float[] scales = new float[classes];
      float[] bias = new float[classes];
      byte[][] weights = new byte[classes][SentimentFeatures.BUCKETS];
      float[][] dense = new float[classes][DENSE];
      for (int c = 0; c < classes; c++) {
        scales[c] = data.readFloat();
        bias[c] = data.readFloat();
        for (int d = 0; d < DENSE; d++) {
          dense[c][d] = data.readFloat();
        }
        data.readFully(weights[c]);
      }
      return new SentimentModel(weights, scales, bias, dense);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Quantises trained float weights and writes them in the bundled format. */
  static void write(float[][] w, float[] bias, float[][] dense, OutputStream out)
      throws IOException {
    try (DataOutputStream data = new DataOutputStream(new GZIPOutputStream(out))) {
      data.writeInt(MAGIC);
      data.writeInt(SentimentFeatures.BUCKETS);
      data.writeInt(w.length);
      for (int c = 0; c < w.length; c++) {
        float max = 1e-6f;
        for (float v : w[c]) {
          max = Math.max(max, Math.abs(v));
        }
        float scale = max / 127f;
        data.writeFloat(scale);
        data.writeFloat(bias[c]);
        for (int d = 0; d < DENSE; d++) {
          data.writeFloat(dense[c][d]);
        }
        byte[] q = new byte[w[c].length];
        for (int k = 0; k < q.length; k++) {
          q[k] = (byte) Math.round(w[c][k] / scale);
        }
        data.write(q);
      }
    }
  }

  /** Class probabilities (negative, neutral, positive) for a feature vector. */
  double[] probabilities(int[] features, double[] inputs) {
    double norm = features.length == 0 ? 0 : 1 / Math.sqrt(features.length);
    double[] logits = new double[CLASSES.length];
    for (int c = 0; c < CLASSES.length; c++) {
      long sum = 0;
      byte[] wc = weights[c];
      for (int f : features) {
        int v = wc[f & (SentimentFeatures.BUCKETS - 1)];
        sum += f < 0 ? -v : v;
      }
      logits[c] = bias[c] + sum * scales[c] * norm;
      for (int d = 0; d < DENSE; d++) {
        logits[c] += dense[c][d] * inputs[d];
      }
    }
    return softmax(logits);
  }

  static double[] softmax(double[] logits) {
    double max = Double.NEGATIVE_INFINITY;
    for (double l : logits) {
      max = Math.max(max, l);
    }
    double total = 0;
    double[] p = new double[logits.length];
    for (int c = 0; c < p.length; c++) {
      p[c] = Math.exp(logits[c] - max);
      total += p[c];
    }
    for (int c = 0; c < p.length; c++) {
      p[c] /= total;
    }
    return p;
  }

  /** The tone the model reads: score P(positive) - P(negative), label the likeliest class. */
  Sentiment analyze(AnalyzedText t, LexiconSentiment.Evidence lexicon) {
    double[] p = probabilities(SentimentFeatures.of(t), dense(lexicon));
    int best = 0;
    for (int c = 1; c < p.length; c++) {
      if (p[c] > p[best]) {
        best = c;
      }
    }
    double score = Math.max(-1, Math.min(1, p[2] - p[0]));
    return new Sentiment(score, CLASSES[best], Math.max(0, Math.min(1, p[best])));
  }
}
