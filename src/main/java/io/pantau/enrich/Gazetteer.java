package io.pantau.enrich;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Known places and organisations, matched on folded whole words. Built once from the resource
 * tables; immutable afterwards and so safe to share between threads.
 */
final class Gazetteer {
  enum Kind {
    PERSON,
    PLACE,
    ORGANIZATION
  }

  /**
   * A known entity.
   *
   * @param kind what it is
   * @param english the name stored for English and other articles
   * @param indonesian the name stored for Indonesian and Malay articles
   */
  record Entry(Kind kind, String english, String indonesian) {
    String name(String lang) {
      return "id".equals(lang) || "ms".equals(lang) ? indonesian : english;
    }
  }

  /**
   * A match at a token position.
   *
   * @param entry what matched
   * @param length how many tokens it covers
   */
  record Match(Entry entry, int length) {}

  private record Alias(Entry entry, boolean acronym) {}

  private final Map<String, Alias> aliases = new HashMap<>();

  /** The longest alias, in tokens, that starts with a folded word. */
  private final Map<String, Integer> firstWords = new HashMap<>();

  Gazetteer() {
    load("gazetteer/persons.tsv", Kind.PERSON);
    load("gazetteer/places.tsv", Kind.PLACE);
    load("gazetteer/organizations.tsv", Kind.ORGANIZATION);
  }

  private void load(String path, Kind kind) {
    for (String[] row : Resources.table(path)) {
      Entry e = new Entry(kind, row[0].strip(), row[1].strip());
      List<String> names = new ArrayList<>(List.of(e.english(), e.indonesian()));
      if (row.length > 2) {
        names.addAll(List.of(row[2].split("\\|")));
      }
      for (String name : names) {
        addAlias(name.strip(), e);
      }
    }
  }

  private void addAlias(String name, Entry e) {
    AnalyzedText t = AnalyzedText.of(null, name);
    if (t.size() == 0) {
      return;
    }
    StringBuilder key = new StringBuilder();
    boolean acronym = t.size() == 1 && t.has(0, AnalyzedText.ACRONYM);
    for (int i = 0; i < t.size(); i++) {
      if (i > 0) {
        key.append(' ');
      }
      key.append(t.folded(i));
    }
    // the first table row wins, so a city never overrides a country of the same name
    aliases.putIfAbsent(key.toString(), new Alias(e, acronym));
    firstWords.merge(t.folded(0), t.size(), Math::max);
  }

  /** The entry a whole name stands for, matched like text (folded words), or null. */
  Entry lookup(String name) {
    AnalyzedText t = AnalyzedText.of(null, name);
    if (t.size() == 0) {
      return null;
    }
    Alias a = aliases.get(key(t, 0, t.size()));
    return a == null || (a.acronym() && !t.has(0, AnalyzedText.ACRONYM)) ? null : a.entry();
  }

  /** Whether a folded word or phrase is a known name on its own. */
  boolean isName(String folded) {
    return aliases.containsKey(folded);
  }

  /** The longest known name starting at token {@code i}, or null. */
  Match match(AnalyzedText t, int i) {
    if (!t.has(i, AnalyzedText.CAP)) {
      return null;
    }
    Integer longestHere = firstWords.get(t.folded(i));
    if (longestHere == null) {
      return null;
    }
    int max = Math.min(longestHere, t.size() - i);
    for (int len = max; len >= 1; len--) {
      String key = key(t, i, len);
      Alias a = aliases.get(key);
      if (a == null) {
        continue;
      }
      if (a.acronym() && !t.has(i, AnalyzedText.ACRONYM)) {
        continue;
      }
      if (len == 1 && !a.acronym() && t.has(i, AnalyzedText.ACRONYM) && t.folded(i).length() <= 3) {
        // a short all-caps token matching a lower-case alias ("AS" vs "as") is not that name
        continue;
      }
      if (!t.has(i + len - 1, AnalyzedText.CAP) && !t.has(i + len - 1, AnalyzedText.NUMERIC)) {
        continue;
      }
      return new Match(a.entry(), len);
    }
    return null;
  }

  private static String key(AnalyzedText t, int i, int len) {
    if (len == 1) {
      return t.folded(i);
    }
    StringBuilder sb = new StringBuilder();
    for (int k = 0; k < len; k++) {
      if (k > 0) {
        sb.append(' ');
      }
      sb.append(t.folded(i + k));
    }
    return sb.toString();
  }
}
