package io.pantau.analysis;

/**
 * English stems by Snowball's Porter2 algorithm ({@code org.tartarus.snowball.ext.EnglishStemmer}
 * in Lucene's analysis module): {@code floods}, {@code flooded}, {@code flooding} become {@code
 * flood}. Chosen over the lighter s-stemmer and KStem because it also joins {@code -ed}/{@code
 * -ing} forms, which news headlines use most (measured in {@code StemmingMeasure}). A curly
 * apostrophe counts as a straight one, so {@code minister’s} stems like {@code minister's}.
 */
final class EnglishStemmer {
  private static final ThreadLocal<org.tartarus.snowball.ext.EnglishStemmer> SNOWBALL =
      ThreadLocal.withInitial(org.tartarus.snowball.ext.EnglishStemmer::new);

  String stem(String token) {
    org.tartarus.snowball.ext.EnglishStemmer s = SNOWBALL.get();
    s.setCurrent(token.replace('\u2019', '\''));
    s.stem();
    String out = s.getCurrent();
    return out.isEmpty() ? token : out;
  }
}
