package io.pantau.article;

/**
 * The tone of an article.
 *
 * @param score from -1 (most negative) to 1 (most positive)
 * @param label the coarse class of the score
 * @param confidence from 0 to 1
 */
public record Sentiment(double score, SentimentLabel label, double confidence) {
  public static final Sentiment NEUTRAL = new Sentiment(0, SentimentLabel.neutral, 0);

  public Sentiment {
    if (Double.isNaN(score) || score < -1 || score > 1) {
      throw new IllegalArgumentException("sentiment score outside -1..1: " + score);
    }
    if (Double.isNaN(confidence) || confidence < 0 || confidence > 1) {
      throw new IllegalArgumentException("sentiment confidence outside 0..1: " + confidence);
    }
    if (label == null) {
      throw new IllegalArgumentException("sentiment label is required");
    }
  }
}
