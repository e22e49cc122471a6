package io.pantau.enrich;

import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import io.pantau.article.LanguageShare;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Identifies an article's language among the configured ones in two stages. A stopword profile over
 * the first words settles clear cases in microseconds; Lingua, restricted to the configured
 * languages and run on a bounded sample, decides the rest (it costs about a millisecond per sample,
 * too much for every article). Indonesian wins over Malay unless the text carries Malay spellings,
 * because Pantau reads Indonesian news and the two are close enough to fool n-gram models on short
 * samples.
 */
final class LanguageIdentifier {
  private static final int PROFILE_WORDS = 200;
  private static final int SAMPLE_CHARS = 500;
  private static final int MIN_PROFILE_WORDS = 12;
  private static final int MIXTURE_WORDS = 2000;
  private static final int PARAGRAPH_WORDS = 40;

  private final Map<String, Language> languages;
  private final Language indonesian;
  private final Language[] ordered;
  private volatile LanguageDetector lingua;

  LanguageIdentifier(List<Language> languages) {
    Map<String, Language> byCode = new LinkedHashMap<>();
    for (Language l : languages) {
      byCode.put(l.code(), l);
    }
    this.languages = byCode;
    this.indonesian = byCode.getOrDefault("id", Language.NEUTRAL);
    this.ordered = byCode.values().toArray(new Language[0]);
  }

  Language byCode(String code) {
    return code == null ? Language.NEUTRAL : languages.getOrDefault(code, Language.NEUTRAL);
  }

  /**
   * The language of the text; {@code declared} (may be null) is kept unless the text clearly says
   * otherwise. Returns {@link Language#NEUTRAL} when nothing configured fits.
   */
  Language identify(AnalyzedText text, String declared) {
    Language claimed = declared == null ? null : languages.get(declared.strip().toLowerCase());
    int start = text.size() - text.bodyStart() >= MIN_PROFILE_WORDS ? text.bodyStart() : 0;
    Profile p = profile(text, start, text.size(), PROFILE_WORDS);
    if (p.decided != null) {
      if (p.decided == indonesian && p.malay >= 3 && p.malay > 2 * p.indonesianOnly) {
        return languages.getOrDefault("ms", indonesian);
      }
      if (p.decided == indonesian && p.malay >= 2 && p.malay > p.indonesianOnly) {
        return viaLingua(text, claimed, false);
      }
      return p.decided;
    }
    if (p.words < MIN_PROFILE_WORDS && claimed != null) {
      return claimed;
    }
    return viaLingua(text, claimed, true);
  }

  private record Profile(Language decided, int words, int malay, int indonesianOnly) {}

  /**
   * Stopword profile of the tokens {@code from} (inclusive) to {@code to}, at most so many words.
   */
  private Profile profile(AnalyzedText t, int from, int to, int maxWords) {
    Language[] langs = this.ordered;
    int[] hits = new int[langs.length];
    int words = 0;
    int malay = 0;
    int indonesianOnly = 0;
    for (int i = from; i < to && words < maxWords; i++) {
      if (t.has(i, AnalyzedText.NUMERIC)) {
        continue;
      }
      // the tokeniser looked each word up once; the bits say which lists hold it
      long bits = t.vocabulary(i);
      words++;
      if (bits == 0) {
        continue;
      }
      for (int k = 0; k < langs.length; k++) {
        if ((bits & (1L << langs[k].slot())) != 0) {
          hits[k]++;
        }
      }
      if ((bits & Vocabulary.MALAY_SPELLING) != 0) {
        malay++;
      } else if ((bits & Vocabulary.INDONESIAN_SPELLING) != 0) {
        indonesianOnly++;
      }
    }
    int best = -1;
    int second = -1;
    for (int k = 0; k < langs.length; k++) {
      if (langs[k].code().equals("ms")) {
        // shares the Indonesian list; told apart by spellings above
        continue;
      }
      if (best < 0 || hits[k] > hits[best]) {
        second = best;
        best = k;
      } else if (second < 0 || hits[k] > hits[second]) {
        second = k;
      }
    }
    if (best < 0 || words < MIN_PROFILE_WORDS) {
      return new Profile(null, words, malay, indonesianOnly);
    }
    double share = hits[best] / (double) words;
    int runnerUp = second < 0 ? 0 : hits[second];
    boolean clear = share >= 0.15 && hits[best] >= 3 * Math.max(1, runnerUp);
    return new Profile(clear ? langs[best] : null, words, malay, indonesianOnly);
  }

  /**
   * The languages of a body whose paragraphs are written in different ones, by share of words;
   * empty when only one is found. Each paragraph of at least {@value #MIN_PROFILE_WORDS} words is
   * read by its stopword profile (its first {@value #PARAGRAPH_WORDS} words, and no more than
   * {@value #MIXTURE_WORDS} words in all); paragraphs too short or unclear count for the article's
   * language.
   *
   * @param t the analysed article
   * @param article the article's language
   */
  List<LanguageShare> mixture(AnalyzedText t, Language article) {
    if (article == Language.NEUTRAL || t.size() - t.bodyStart() < 2 * MIN_PROFILE_WORDS) {
      return List.of();
    }
    Map<String, Integer> words = new LinkedHashMap<>();
    int read = 0;
    int total = 0;
    int start = t.bodyStart();
    while (start < t.size()) {
      int end = start + 1;
      while (end < t.size() && !t.has(end, AnalyzedText.PARAGRAPH_START)) {
        end++;
      }
      int length = end - start;
      Language lang = article;
      if (length >= MIN_PROFILE_WORDS && read < MIXTURE_WORDS) {
        Profile p = profile(t, start, end, PARAGRAPH_WORDS);
        read += p.words;
        if (p.decided != null && !(p.decided == indonesian && article.code().equals("ms"))) {
          lang = p.decided;
        }
      }
      words.merge(lang.code(), length, Integer::sum);
      total += length;
      start = end;
    }
    if (words.size() < 2) {
      return List.of();
    }
    List<LanguageShare> out = new ArrayList<>();
    for (Map.Entry<String, Integer> e : words.entrySet()) {
      out.add(new LanguageShare(e.getKey(), Math.round(1000.0 * e.getValue() / total) / 1000.0));
    }
    out.sort((a, b) -> Double.compare(b.share(), a.share()));
    return out;
  }

  private Language viaLingua(AnalyzedText t, Language claimed, boolean favourIndonesian) {
    String sample = sample(t);
    if (sample.isBlank()) {
      return claimed == null ? Language.NEUTRAL : claimed;
    }
    Map<com.github.pemistahl.lingua.api.Language, Double> confidence =
        detector().computeLanguageConfidenceValues(sample);
    if (confidence.isEmpty()) {
      return claimed == null ? Language.NEUTRAL : claimed;
    }
    var top = confidence.entrySet().iterator().next();
    Language best = byLinguaName(top.getKey().name());
    if (claimed != null) {
      double claimedConfidence =
          confidence.getOrDefault(
              com.github.pemistahl.lingua.api.Language.valueOf(claimed.linguaName()), 0.0);
      if (claimedConfidence >= 0.8 * top.getValue()) {
        return claimed;
      }
    }
    if (favourIndonesian && best.code().equals("ms")) {
      double id = confidence.getOrDefault(com.github.pemistahl.lingua.api.Language.INDONESIAN, 0.0);
      if (id >= 0.85 * top.getValue()) {
        return indonesian;
      }
    }
    return best;
  }

  private Language byLinguaName(String name) {
    for (Language l : languages.values()) {
      if (l.linguaName().equals(name)) {
        return l;
      }
    }
    return Language.NEUTRAL;
  }

  private static String sample(AnalyzedText t) {
    StringBuilder sb = new StringBuilder(SAMPLE_CHARS + 32);
    for (int i = 0; i < t.size() && sb.length() < SAMPLE_CHARS; i++) {
      if (!t.has(i, AnalyzedText.NUMERIC)) {
        sb.append(t.surface(i)).append(' ');
      }
    }
    return sb.toString();
  }

  private LanguageDetector detector() {
    LanguageDetector d = lingua;
    if (d == null) {
      synchronized (this) {
        d = lingua;
        if (d == null) {
          List<com.github.pemistahl.lingua.api.Language> candidates = new ArrayList<>();
          for (Language l : languages.values()) {
            candidates.add(com.github.pemistahl.lingua.api.Language.valueOf(l.linguaName()));
          }
          // Loaded on the first undecided article, not at startup: the models take seconds and
          // hundreds of megabytes, and most articles never need them.
          d =
              LanguageDetectorBuilder.fromLanguages(
                      candidates.toArray(new com.github.pemistahl.lingua.api.Language[0]))
                  .withPreloadedLanguageModels()
                  // trigram models only: a fraction of the memory and load time, and texts that
                  // reach Lingua are rarely short enough for the higher-order models to matter
                  .withLowAccuracyMode()
                  .build();
          lingua = d;
        }
      }
    }
    return d;
  }
}
