package io.pantau.enrich;

import java.util.Collections;
import java.util.HashSet;
import java.util.Set;
import org.apache.lucene.analysis.en.EnglishMinimalStemmer;
import org.apache.lucene.analysis.id.IndonesianStemmer;

/**
 * What enrichment knows about one language: its stopwords, its news filler words and how its words
 * are stemmed. {@link #NEUTRAL} stands for any language without a row in the table.
 *
 * @param code ISO 639-1 code as stored in the article's {@code lang}
 * @param linguaName the Lingua constant that identifies it, or empty
 * @param stemmer {@code indonesian}, {@code english} or {@code none}
 * @param stopwords folded function words
 * @param filler folded news-register words that never make a keyword
 * @param slot position in {@code languages.tsv}; -1 for {@link #NEUTRAL}
 */
record Language(
    String code,
    String linguaName,
    String stemmer,
    Set<String> stopwords,
    Set<String> filler,
    int slot) {

  static final Language NEUTRAL = new Language("", "", "none", Set.of(), Set.of(), -1);

  /**
   * A row of {@code languages.tsv}.
   *
   * @param slot its position in the table, which names its bits in {@link Vocabulary}
   */
  static Language load(String[] row, int slot) {
    Set<String> stop = new HashSet<>();
    for (String list : row[3].split(",")) {
      stop.addAll(Resources.wordSet(list.strip()));
    }
    Set<String> filler =
        row.length > 4 && !row[4].equals("-") ? Resources.wordSet(row[4]) : Set.of();
    // HashSet rather than Set.copyOf: the immutable sets probe linearly and most lookups miss
    return new Language(
        row[0],
        row[1],
        row[2],
        Collections.unmodifiableSet(stop),
        Collections.unmodifiableSet(new HashSet<>(filler)),
        slot);
  }

  /** Whether token {@code i} of an analysed text is one of this language's stopwords. */
  boolean isStopword(AnalyzedText t, int i) {
    return slot >= 0 && (t.vocabulary(i) & (1L << slot)) != 0;
  }

  /** Whether token {@code i} of an analysed text is one of this language's news filler words. */
  boolean isFiller(AnalyzedText t, int i) {
    return slot >= 0 && (t.vocabulary(i) & (1L << (slot + Vocabulary.MAX_LANGUAGES))) != 0;
  }

  boolean isStopword(String folded) {
    return stopwords.contains(folded);
  }

  boolean isFiller(String folded) {
    return filler.contains(folded);
  }

  /** Cheap pre-check: only these endings can be removed by inflectional stemming. */
  private static boolean hasIndonesianInflection(String w) {
    return w.endsWith("nya")
        || w.endsWith("lah")
        || w.endsWith("kah")
        || w.endsWith("tah")
        || w.endsWith("pun")
        || w.endsWith("ku")
        || w.endsWith("mu");
  }

  /**
   * The grouping key of a folded word. Only inflection is removed (Indonesian particles and
   * possessives, English plurals): derivational stemming would merge "pembangunan" with "bangun"
   * and make keywords read oddly.
   */
  String stem(String folded) {
    if (folded.length() < 4) {
      return folded;
    }
    // every removable ending (-nya, -lah, -kah, -tah, -pun, -ku, -mu, -s) ends in one of these:
    // most words leave here, before the stemmer is chosen
    char last = folded.charAt(folded.length() - 1);
    if (last != 'a' && last != 'h' && last != 'n' && last != 'u' && last != 's') {
      return folded;
    }
    char[] buf;
    int len;
    switch (stemmer) {
      case "indonesian":
        if (!hasIndonesianInflection(folded)) {
          return folded;
        }
        buf = folded.toCharArray();
        len = new IndonesianStemmer().stem(buf, buf.length, false);
        return len == buf.length ? folded : new String(buf, 0, len);
      case "english":
        if (folded.charAt(folded.length() - 1) != 's') {
          return folded;
        }
        buf = folded.toCharArray();
        len = new EnglishMinimalStemmer().stem(buf, buf.length);
        return len == buf.length ? folded : new String(buf, 0, len);
      default:
        return folded;
    }
  }
}
