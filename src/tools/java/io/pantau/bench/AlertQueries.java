package io.pantau.bench;

import io.pantau.article.Article;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Stored alert queries as monitoring users write them: boolean keyword patterns, phrases, people,
 * proximity and prefixes over the words of the corpus itself. The commonest words are left out (no
 * one alerts on "yang" or "the"), and so are words seen once, which would never match.
 */
final class AlertQueries {
  private static final int SKIP_COMMONEST = 150;

  private final Random random;
  private final List<String> words;
  private final List<String> phrases;
  private final List<String> persons;

  AlertQueries(List<Article> sample, long seed) {
    this.random = new Random(seed);
    Map<String, Integer> freq = new HashMap<>();
    Set<String> phraseSet = new LinkedHashSet<>();
    Set<String> personSet = new LinkedHashSet<>();
    for (Article a : sample) {
      String text = (a.title() == null ? "" : a.title()) + " " + (a.body() == null ? "" : a.body());
      for (String w : fold(text).split("[^\\p{L}]+")) {
        if (w.length() >= 4) {
          freq.merge(w, 1, Integer::sum);
        }
      }
      if (a.keyphrases() != null) {
        a.keyphrases().stream().filter(p -> p.contains(" ")).forEach(phraseSet::add);
      }
      if (a.entities() != null && a.entities().persons() != null) {
        personSet.addAll(a.entities().persons());
      }
    }
    List<String> ranked =
        freq.entrySet().stream()
            .filter(e -> e.getValue() > 1)
            .sorted(
                Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
                    .thenComparing(Map.Entry.comparingByKey()))
            .map(Map.Entry::getKey)
            .toList();
    this.words = ranked.subList(Math.min(SKIP_COMMONEST, ranked.size() / 2), ranked.size());
    this.phrases = new ArrayList<>(phraseSet);
    this.persons = new ArrayList<>(personSet);
    if (words.size() < 10) {
      throw new IllegalStateException("the sample is too small to draw alert queries from");
    }
  }

  List<String> next(int n) {
    List<String> out = new ArrayList<>(n);
    while (out.size() < n) {
      out.add(next());
    }
    return out;
  }

  String next() {
    return switch (random.nextInt(8)) {
      case 0 -> phrase() + " AND (" + word() + " OR " + word() + ")";
      case 1 -> word() + " AND " + word() + " -" + word();
      case 2 -> "(" + word() + " OR " + word() + " OR " + word() + ") AND " + word();
      case 3 -> person() + " OR (" + word() + " AND " + word() + ")";
      case 4 -> word() + " NEAR/5 " + word();
      case 5 -> prefix() + "* AND " + word();
      case 6 -> "title:" + word() + " AND (" + word() + " OR " + phrase() + ")";
      default -> word() + " AND " + word() + " AND NOT lang:en";
    };
  }

  private String word() {
    return words.get(random.nextInt(words.size()));
  }

  private String prefix() {
    String w = word();
    return w.substring(0, Math.min(w.length(), 3 + random.nextInt(3)));
  }

  private String phrase() {
    if (phrases.isEmpty()) {
      return "\"" + word() + " " + word() + "\"";
    }
    return "\"" + clean(phrases.get(random.nextInt(phrases.size()))) + "\"";
  }

  private String person() {
    if (persons.isEmpty()) {
      return word();
    }
    return "person:\"" + clean(persons.get(random.nextInt(persons.size()))) + "\"";
  }

  private static String clean(String s) {
    return s.replaceAll("[\"()*:~\\-]", " ").replaceAll("\\s+", " ").trim();
  }

  private static String fold(String s) {
    return Normalizer.normalize(s, Normalizer.Form.NFD)
        .replaceAll("\\p{M}", "")
        .toLowerCase(Locale.ROOT);
  }
}
