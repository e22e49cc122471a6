package io.pantau.enrich;

import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
  private static final Set<String> INDONESIAN_SPELLINGS =
      Set.of("bahwa", "karena", "setelah", "uang", "bisa", "pemerintah", "sedangkan", "saja");

  private final Map<String, Language> languages;
  private final Language indonesian;
  private final Set<String> malaySpellings;
  private final Language[] ordered;
  private final Map<String, Long> stopwordLanguages;
  private volatile LanguageDetector lingua;

  LanguageIdentifier(List<Language> languages) {
    Map<String, Language> byCode = new LinkedHashMap<>();
    for (Language l : languages) {
      byCode.put(l.code(), l);
    }
    this.languages = byCode;
    this.indonesian = byCode.getOrDefault("id", Language.NEUTRAL);
    this.malaySpellings = Resources.wordSet("stopwords/ms.txt");
    this.ordered = byCode.values().toArray(new Language[0]);
    // one lookup per word instead of one per language
    Map<String, Long> masks = new java.util.HashMap<>();
    for (int k = 0; k < ordered.length; k++) {
      for (String w : ordered[k].stopwords()) {
        masks.merge(w, 1L << k, (a, b) -> a | b);
      }
    }
    this.stopwordLanguages = masks;
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
    Profile p = profile(text);
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

  private Profile profile(AnalyzedText t) {
    Language[] langs = this.ordered;
    int[] hits = new int[langs.length];
    int words = 0;
    int malay = 0;
    int indonesianOnly = 0;
    int start = t.size() - t.bodyStart() >= MIN_PROFILE_WORDS ? t.bodyStart() : 0;
    for (int i = start; i < t.size() && words < PROFILE_WORDS; i++) {
      if (t.has(i, AnalyzedText.NUMERIC)) {
        continue;
      }
      String w = t.folded(i);
      words++;
      Long mask = stopwordLanguages.get(w);
      if (mask != null) {
        for (int k = 0; k < langs.length; k++) {
          if ((mask & (1L << k)) != 0) {
            hits[k]++;
          }
        }
      }
      if (malaySpellings.contains(w)) {
        malay++;
      } else if (INDONESIAN_SPELLINGS.contains(w)) {
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
