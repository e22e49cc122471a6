package io.pantau.analysis;

/**
 * English stems by Porter's algorithm (1980), in Snowball's implementation shipped with Lucene's
 * analysis module ({@code org.tartarus.snowball.ext.PorterStemmer}), after the possessive {@code
 * 's} (or a bare final apostrophe) is dropped: {@code floods}, {@code flooded}, {@code flooding}
 * become {@code flood}. Chosen by measurement ({@code StemmingMeasure}, docs/search.md): on 100,000
 * English headlines it joins as many inflections as Porter2 (recall 0.997 against 0.998) while
 * merging fewer unrelated words (precision 0.982 against 0.973); KStem and the plural-only stemmer
 * miss {@code -ed}/{@code -ing} forms (recall 0.86). A curly apostrophe counts as a straight one,
 * so {@code minister’s} stems like {@code minister's}.
 */
final class EnglishStemmer {
  private static final ThreadLocal<org.tartarus.snowball.ext.PorterStemmer> SNOWBALL =
      ThreadLocal.withInitial(org.tartarus.snowball.ext.PorterStemmer::new);

  String stem(String token) {
    org.tartarus.snowball.ext.PorterStemmer s = SNOWBALL.get();
    String word = token.replace('\u2019', '\'');
    if (word.endsWith("'s")) {
      word = word.substring(0, word.length() - 2);
    } else if (word.endsWith("'")) {
      word = word.substring(0, word.length() - 1);
    }
    if (word.length() < 3) {
      return word.isEmpty() ? token : word;
    }
    s.setCurrent(word);
    s.stem();
    String out = s.getCurrent();
    return out.isEmpty() ? token : out;
  }
}
