package io.pantau.enrich;

import io.pantau.article.Sentiment;
import io.pantau.article.SentimentLabel;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Lexicon-and-rules tone: polarity words from curated news-domain lexicons, flipped by a negator in
 * the three words before them, scaled by intensifiers and downtoners, and weighted towards what
 * follows "but" ("tetapi", "namun") and away from a concession ("meski", "although").
 */
final class LexiconSentiment {
  private static final int NEGATION_WINDOW = 3;
  private static final double NEGATED = -0.6;
  private static final double INTENSIFIED = 1.5;
  private static final double DOWNTONED = 0.6;
  private static final double BEFORE_CONTRAST = 0.5;
  private static final double AFTER_CONTRAST = 1.5;

  /** Labels a score as positive or negative beyond this distance from zero. */
  static final double LABEL_THRESHOLD = 0.2;

  private final Map<String, Map<String, Double>> lexicons = new HashMap<>();
  private final Map<String, Double> neutralLexicon = new HashMap<>();
  private final Set<String> bigramFirstWords = new HashSet<>();
  private final Map<String, String> rules = new HashMap<>();

  LexiconSentiment() {
    Map<String, Double> id = load("sentiment/id.tsv");
    Map<String, Double> en = load("sentiment/en.tsv");
    lexicons.put("id", id);
    lexicons.put("ms", id);
    lexicons.put("en", en);
    // unknown languages get both: names and loanwords still carry some signal
    neutralLexicon.putAll(id);
    neutralLexicon.putAll(en);
    for (String[] row : Resources.table("sentiment/rules.tsv")) {
      rules.put(row[1].strip(), row[0].strip());
    }
  }

  private Map<String, Double> load(String path) {
    Map<String, Double> out = new HashMap<>();
    for (String[] row : Resources.table(path)) {
      String word = row[0].strip();
      out.put(word, Double.parseDouble(row[1].strip()));
      int space = word.indexOf(' ');
      if (space > 0) {
        bigramFirstWords.add(word.substring(0, space));
      }
    }
    return out;
  }

  /** Positive and negative evidence of a text. */
  record Evidence(double positive, double negative, int hits) {
    double score() {
      return (positive - negative) / (positive + negative + 2.0);
    }
  }

  Sentiment analyze(AnalyzedText t, Language lang) {
    return toSentiment(evidence(t, lang));
  }

  static Sentiment toSentiment(Evidence e) {
    double score = Math.max(-1, Math.min(1, e.score()));
    SentimentLabel label =
        score > LABEL_THRESHOLD
            ? SentimentLabel.positive
            : score < -LABEL_THRESHOLD ? SentimentLabel.negative : SentimentLabel.neutral;
    double coverage = Math.min(1, e.hits() / 4.0);
    double confidence;
    if (label == SentimentLabel.neutral) {
      confidence = 0.3 + 0.4 * (1 - Math.abs(score) / LABEL_THRESHOLD) * (1 - coverage / 2);
    } else {
      confidence = Math.min(1, 0.4 + Math.abs(score)) * (0.5 + coverage / 2);
    }
    return new Sentiment(score, label, Math.max(0, Math.min(1, confidence)));
  }

  Evidence evidence(AnalyzedText t, Language lang) {
    Map<String, Double> lexicon = lexicons.getOrDefault(lang.code(), neutralLexicon);
    double positive = 0;
    double negative = 0;
    int hits = 0;
    int n = t.size();
    int i = 0;
    while (i < n) {
      int sentence = t.sentence(i);
      double before = 0;
      double after = 0;
      boolean contrasted = false;
      double concessionWeight = 1;
      int lastNegator = -100;
      double scale = 1;
      double sentencePositive = 0;
      double sentenceNegative = 0;
      for (; i < n && t.sentence(i) == sentence; i++) {
        String w = t.folded(i);
        if (t.has(i, AnalyzedText.BREAK_BEFORE) && concessionWeight < 1) {
          // "Meski X, Y": the concession ends at the comma
          concessionWeight = 1;
        }
        String rule = rules.get(w);
        if (rule == null && w.endsWith("n't")) {
          rule = "negator";
        }
        if (rule != null) {
          switch (rule) {
            case "negator" -> lastNegator = i;
            case "intensifier" -> scale = INTENSIFIED;
            case "downtoner" -> scale = DOWNTONED;
            case "contrast" -> {
              contrasted = true;
              before = sentencePositive - sentenceNegative;
            }
            case "concession" -> concessionWeight = BEFORE_CONTRAST;
            default -> {}
          }
          continue;
        }
        Double weight = null;
        if (i + 1 < n && bigramFirstWords.contains(w)) {
          weight = lexicon.get(w + " " + t.folded(i + 1));
          if (weight != null) {
            i++;
          }
        }
        if (weight == null) {
          weight = lexicon.get(w);
        }
        if (weight == null) {
          weight = lexicon.get(lang.stem(w));
        }
        if (weight == null) {
          continue;
        }
        double v = weight * scale * concessionWeight;
        if (i - lastNegator <= NEGATION_WINDOW) {
          v *= NEGATED;
        }
        scale = 1;
        hits++;
        if (v > 0) {
          sentencePositive += v;
        } else {
          sentenceNegative -= v;
        }
      }
      if (contrasted) {
        after = sentencePositive - sentenceNegative - before;
        double net = before * BEFORE_CONTRAST + after * AFTER_CONTRAST;
        double total = sentencePositive + sentenceNegative;
        // keep the sentence's total evidence, redistributed by the contrast
        if (net >= 0) {
          positive += (total + net) / 2;
          negative += Math.max(0, (total - net) / 2);
        } else {
          negative += (total - net) / 2;
          positive += Math.max(0, (total + net) / 2);
        }
      } else {
        positive += sentencePositive;
        negative += sentenceNegative;
      }
    }
    return new Evidence(positive, negative, hits);
  }
}
