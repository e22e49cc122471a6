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

  /**
   * Evidence per sentence of a text, so that the sentences that mention one entity can be read
   * apart from the rest.
   */
  static final class SentenceEvidence {
    private final double[] positive;
    private final double[] negative;
    private final int[] hits;

    SentenceEvidence(int sentences) {
      positive = new double[sentences];
      negative = new double[sentences];
      hits = new int[sentences];
    }

    private void add(int sentence, double p, double n, int h) {
      positive[sentence] += p;
      negative[sentence] += n;
      hits[sentence] += h;
    }

    /** The evidence of the whole text. */
    Evidence total() {
      double p = 0;
      double n = 0;
      int h = 0;
      for (int s = 0; s < hits.length; s++) {
        p += positive[s];
        n += negative[s];
        h += hits[s];
      }
      return new Evidence(p, n, h);
    }

    /**
     * The evidence of the sentences that hold the given token positions, each sentence once.
     *
     * @param t the text the evidence was read from
     * @param positions token positions in ascending order
     */
    Evidence of(AnalyzedText t, int[] positions) {
      double p = 0;
      double n = 0;
      int h = 0;
      int last = -1;
      for (int position : positions) {
        int s = t.sentence(position);
        if (s != last && s < hits.length) {
          p += positive[s];
          n += negative[s];
          h += hits[s];
        }
        last = s;
      }
      return new Evidence(p, n, h);
    }
  }

  Evidence evidence(AnalyzedText t, Language lang) {
    return sentences(t, lang).total();
  }

  SentenceEvidence sentences(AnalyzedText t, Language lang) {
    SentenceEvidence out = new SentenceEvidence(Math.max(1, t.sentenceCount()));
    Map<String, Double> lexicon = lexicons.getOrDefault(lang.code(), neutralLexicon);
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
      int hits = 0;
      for (; i < n && t.sentence(i) == sentence; i++) {
        String w = t.folded(i);
        if (t.has(i, AnalyzedText.BREAK_BEFORE) && concessionWeight < 1) {
          // "Meski X, Y": the concession ends at the comma
          concessionWeight = 1;
        }
        boolean known = t.is(i, Vocabulary.SENTIMENT);
        if (!known && !w.endsWith("n't") && lang.stem(w) == w) {
          // in no lexicon and no rule, and no inflection to strip: the common case, no lookups
          continue;
        }
        String rule = known ? rules.get(w) : null;
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
        if (known && i + 1 < n && bigramFirstWords.contains(w)) {
          weight = lexicon.get(w + " " + t.folded(i + 1));
          if (weight != null) {
            i++;
          }
        }
        if (weight == null && known) {
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
          out.add(sentence, (total + net) / 2, Math.max(0, (total - net) / 2), hits);
        } else {
          out.add(sentence, Math.max(0, (total + net) / 2), (total - net) / 2, hits);
        }
      } else {
        out.add(sentence, sentencePositive, sentenceNegative, hits);
      }
    }
    return out;
  }
}
