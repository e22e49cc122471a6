package io.pantau.enrich;

import io.pantau.article.Entities;
import io.pantau.article.EntitySentiment;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds persons, organisations and places: gazetteer names first, then capitalised word sequences
 * read with their context (a title before, a reporting verb after, an organisation or place head
 * word). Titles are stripped from names, and within one article a surname or given name alone
 * resolves to the full name it abbreviates ("Xi" to "Xi Jinping").
 */
final class EntityExtractor {
  private static final int MAX_PER_KIND = 20;
  private static final int MAX_NAME_WORDS = 5;
  private static final Set<String> NAME_PARTICLES =
      Set.of("bin", "binti", "van", "von", "der", "de", "da", "al", "el", "la", "le", "di");

  private final Gazetteer gazetteer;
  private final Set<String> titles;
  private final int longestTitle;
  private final Set<String> orgHeads;
  private final Set<String> orgTails;
  private final Set<String> placeHeads;
  private final Set<String> personCues;

  EntityExtractor(Gazetteer gazetteer) {
    this.gazetteer = gazetteer;
    this.titles = new HashSet<>(Resources.lines("gazetteer/titles.txt"));
    int longest = 1;
    for (String title : titles) {
      longest = Math.max(longest, title.split(" ").length);
    }
    this.longestTitle = longest;
    this.orgHeads = Resources.wordSet("gazetteer/org-heads.txt");
    this.orgTails = Resources.wordSet("gazetteer/org-tails.txt");
    this.placeHeads = Resources.wordSet("gazetteer/place-heads.txt");
    this.personCues = Resources.wordSet("gazetteer/person-cues.txt");
  }

  private enum Kind {
    PERSON,
    ORGANIZATION,
    PLACE
  }

  /** One mention, before aliases are resolved. */
  private record Mention(Kind kind, String name, int position, boolean cued) {}

  /**
   * What one article names: the canonical names by kind, and where each is mentioned.
   *
   * @param entities canonical names, most mentioned first
   * @param mentions every kept entity with the token positions of its mentions, aliases included
   */
  record Found(Entities entities, List<Mentioned> mentions) {}

  /**
   * An entity and where the article mentions it.
   *
   * @param name canonical name
   * @param type {@code person}, {@code organization} or {@code place}
   * @param positions token positions of its mentions, in text order
   */
  record Mentioned(String name, String type, int[] positions) {}

  Found extract(AnalyzedText t, Language lang) {
    List<Mention> mentions = new ArrayList<>();
    LowerCaseWords lowerCaseWords = null;
    int n = t.size();
    int i = 0;
    boolean titleBefore = false;
    while (i < n) {
      Gazetteer.Match m = gazetteer.match(t, i);
      if (m != null) {
        Kind kind =
            switch (m.entry().kind()) {
              case PERSON -> Kind.PERSON;
              case PLACE -> Kind.PLACE;
              case ORGANIZATION -> Kind.ORGANIZATION;
            };
        int end = i + m.length();
        String name = m.entry().name(lang.code());
        if (kind == Kind.PLACE && end < n && isDirection(t, end)) {
          // "Jakarta Pusat", "Sulawesi Tenggara": a known place narrowed by a direction word
          name = display(t, i, end + 1);
          end++;
        }
        mentions.add(new Mention(kind, name, i, true));
        i = end;
        // "Presiden China Xi Jinping": a place between a title and a name keeps the title's cue
        titleBefore = titleBefore && kind == Kind.PLACE;
        continue;
      }
      int title = titleLength(t, i);
      if (title > 0) {
        titleBefore = true;
        i += title;
        continue;
      }
      if (!startsName(t, i, lang)) {
        titleBefore = false;
        i = skipCapitalisedRun(t, i);
        continue;
      }
      int end = i + 1;
      boolean connected = false;
      while (end < n && end - i < MAX_NAME_WORDS) {
        if (continuesName(t, end) && gazetteerFree(t, end)) {
          end++;
        } else if (connectsNames(t, end)) {
          // "Sabuk dan Jalur Sutra", "Bank of England": one name, and never a person's
          connected = true;
          end += 2;
        } else {
          break;
        }
      }
      while (end > i + 1 && NAME_PARTICLES.contains(t.folded(end - 1))) {
        end--;
      }
      boolean cueAfter = end < n && personCues.contains(t.folded(end));
      Kind kind = classify(t, i, end, titleBefore || cueAfter, lang);
      if (kind == Kind.PERSON && connected) {
        kind = null;
      }
      if (kind == Kind.PERSON && !titleBefore && !cueAfter && end - i > 1) {
        if (lowerCaseWords == null) {
          lowerCaseWords = new LowerCaseWords(t);
        }
        if (lowerCaseWords.anyIn(t, i, end)) {
          // "Tingkat Tinggi": ordinary words capitalised as part of a title-case phrase
          kind = null;
        }
      }
      if (kind != null) {
        mentions.add(new Mention(kind, display(t, i, end), i, titleBefore || cueAfter));
      }
      titleBefore = false;
      i = end;
    }
    return resolve(mentions);
  }

  private static final Set<String> DIRECTIONS =
      Set.of(
          "utara",
          "selatan",
          "barat",
          "timur",
          "tengah",
          "pusat",
          "raya",
          "tenggara",
          "laut",
          "daya");

  private static boolean isDirection(AnalyzedText t, int i) {
    return t.has(i, AnalyzedText.CAP)
        && !t.has(i, AnalyzedText.BREAK_BEFORE)
        && DIRECTIONS.contains(t.folded(i));
  }

  private static final Set<String> CONNECTORS = Set.of("dan", "and", "of", "for", "the");

  private boolean connectsNames(AnalyzedText t, int i) {
    return i + 1 < t.size()
        && !orgTails.contains(t.folded(i - 1))
        && !orgHeads.contains(t.folded(i + 1))
        && !placeHeads.contains(t.folded(i + 1))
        && CONNECTORS.contains(t.folded(i))
        && !t.has(i, AnalyzedText.BREAK_BEFORE)
        && !t.has(i, AnalyzedText.CAP)
        && continuesName(t, i + 1)
        && gazetteer.match(t, i + 1) == null;
  }

  /** Steps over a capitalised phrase led by a non-name word, up to the next known name. */
  private int skipCapitalisedRun(AnalyzedText t, int i) {
    int k = i + 1;
    if (!t.has(i, AnalyzedText.CAP)) {
      return k;
    }
    while (k < t.size()
        && t.has(k, AnalyzedText.CAP)
        && !t.has(k, AnalyzedText.BREAK_BEFORE)
        && gazetteer.match(t, k) == null
        && titleLength(t, k) == 0) {
      k++;
    }
    return k;
  }

  /**
   * The folded forms of an article's lower-case words, as a set: open addressing over the strings'
   * cached hashes, sized once for the article, with no entry objects.
   */
  private static final class LowerCaseWords {
    private final String[] slots;
    private final int mask;

    LowerCaseWords(AnalyzedText t) {
      int capacity = Integer.highestOneBit(Math.max(16, 2 * t.size()) - 1) << 1;
      slots = new String[capacity];
      mask = capacity - 1;
      for (int i = 0; i < t.size(); i++) {
        if (!t.has(i, AnalyzedText.CAP) && !t.has(i, AnalyzedText.NUMERIC)) {
          String w = t.folded(i);
          int k = slot(w);
          while (slots[k] != null && !slots[k].equals(w)) {
            k = (k + 1) & mask;
          }
          slots[k] = w;
        }
      }
    }

    private int slot(String w) {
      return (w.hashCode() * 0x9E3779B9) >>> 16 & mask;
    }

    boolean contains(String w) {
      for (int k = slot(w); slots[k] != null; k = (k + 1) & mask) {
        if (slots[k].equals(w)) {
          return true;
        }
      }
      return false;
    }

    boolean anyIn(AnalyzedText t, int start, int end) {
      for (int k = start; k < end; k++) {
        if (contains(t.folded(k))) {
          return true;
        }
      }
      return false;
    }
  }

  private boolean gazetteerFree(AnalyzedText t, int i) {
    // a known name inside a capitalised run ends the run, except as part of a longer unknown
    // name joined by a hyphen ("Kassym-Jomart")
    return t.has(i, AnalyzedText.JOINED) || gazetteer.match(t, i) == null;
  }

  private int titleLength(AnalyzedText t, int i) {
    if (!t.has(i, AnalyzedText.CAP) || !t.is(i, Vocabulary.TITLE_START)) {
      return 0;
    }
    StringBuilder sb = new StringBuilder();
    int found = 0;
    for (int len = 1; len <= longestTitle && i + len <= t.size(); len++) {
      if (len > 1) {
        if (t.has(i + len - 1, AnalyzedText.BREAK_BEFORE)) {
          break;
        }
        sb.append(t.has(i + len - 1, AnalyzedText.JOINED) ? '-' : ' ');
      }
      sb.append(t.folded(i + len - 1));
      if (titles.contains(sb.toString())) {
        found = len;
      }
    }
    return found;
  }

  private boolean startsName(AnalyzedText t, int i, Language lang) {
    if (!t.has(i, AnalyzedText.CAP) || t.has(i, AnalyzedText.NUMERIC)) {
      return false;
    }
    String w = t.folded(i);
    if (t.is(i, Vocabulary.NOT_ENTITY) || lang.isFiller(t, i)) {
      return false;
    }
    if (t.has(i, AnalyzedText.SENTENCE_START) && lang.isStopword(t, i)) {
      return false;
    }
    return w.length() > 1 || t.has(i, AnalyzedText.ACRONYM);
  }

  private boolean continuesName(AnalyzedText t, int i) {
    if (t.has(i, AnalyzedText.BREAK_BEFORE) || t.has(i, AnalyzedText.NUMERIC)) {
      return false;
    }
    if (t.has(i, AnalyzedText.CAP)) {
      return !t.is(i, Vocabulary.NOT_ENTITY) && !t.is(i, Vocabulary.ONE_WORD_TITLE);
    }
    return NAME_PARTICLES.contains(t.folded(i))
        && i + 1 < t.size()
        && t.has(i + 1, AnalyzedText.CAP)
        && !t.has(i + 1, AnalyzedText.BREAK_BEFORE);
  }

  private Kind classify(AnalyzedText t, int start, int end, boolean personCue, Language lang) {
    String first = t.folded(start);
    String last = t.folded(end - 1);
    int words = end - start;
    if (orgHeads.contains(first) && words > 1) {
      return Kind.ORGANIZATION;
    }
    if (orgTails.contains(last) && words > 1) {
      return Kind.ORGANIZATION;
    }
    if (placeHeads.contains(first) && words > 1) {
      return Kind.PLACE;
    }
    if (words == 1 && t.has(start, AnalyzedText.ACRONYM)) {
      // two letters are too often initials or abbreviations ("JK", "AR") to guess an organisation
      return first.length() >= 3 && first.length() <= 6 && !personCue ? Kind.ORGANIZATION : null;
    }
    if (personCue || words == 1) {
      // a lone capitalised word without a cue is kept only if it resolves to a full name
      return Kind.PERSON;
    }
    for (int k = start; k < end; k++) {
      if (lang.isStopword(t, k) || lang.isFiller(t, k) || t.has(k, AnalyzedText.ACRONYM)) {
        return null;
      }
    }
    if (t.has(start, AnalyzedText.SENTENCE_START) && words == 2) {
      return null;
    }
    return Kind.PERSON;
  }

  private static String display(AnalyzedText t, int start, int end) {
    StringBuilder sb = new StringBuilder();
    for (int k = start; k < end; k++) {
      if (k > start) {
        sb.append(t.has(k, AnalyzedText.JOINED) ? '-' : ' ');
      }
      sb.append(t.surface(k));
    }
    return sb.toString();
  }

  private static Found resolve(List<Mention> mentions) {
    // full names first, so that short forms can be mapped onto them
    Map<String, String> personCanonical = new HashMap<>();
    // each full name once, in order of first mention, with its padded word form made once
    Set<String> distinct = new LinkedHashSet<>();
    for (Mention m : mentions) {
      if (m.kind() == Kind.PERSON && m.name().indexOf(' ') > 0) {
        distinct.add(m.name());
      }
    }
    List<String> fullNames = new ArrayList<>(distinct);
    List<String> paddedFullNames = new ArrayList<>(fullNames.size());
    for (String full : fullNames) {
      paddedFullNames.add(padded(full));
    }
    Map<String, Positions> persons = new LinkedHashMap<>();
    Map<String, Positions> orgs = new LinkedHashMap<>();
    Map<String, Positions> places = new LinkedHashMap<>();
    for (Mention m : mentions) {
      switch (m.kind()) {
        case PERSON -> {
          String canonical =
              personCanonical.computeIfAbsent(
                  m.name(), name -> longestFor(name, fullNames, paddedFullNames));
          boolean lone = canonical.indexOf(' ') < 0 && canonical.indexOf('-') < 0;
          if (lone && canonical.equals(m.name()) && !m.cued()) {
            continue;
          }
          count(persons, canonical, m.position());
        }
        case ORGANIZATION -> count(orgs, m.name(), m.position());
        case PLACE -> count(places, m.name(), m.position());
      }
    }
    List<Mentioned> mentioned = new ArrayList<>();
    Entities entities =
        new Entities(
            ranked(persons, EntitySentiment.PERSON, mentioned),
            ranked(orgs, EntitySentiment.ORGANIZATION, mentioned),
            ranked(places, EntitySentiment.PLACE, mentioned));
    return new Found(entities, mentioned);
  }

  /** Token positions of one canonical name's mentions. */
  private static final class Positions {
    int[] at = new int[4];
    int size;

    void add(int position) {
      if (size == at.length) {
        at = java.util.Arrays.copyOf(at, size * 2);
      }
      at[size++] = position;
    }
  }

  /** The longest full name that contains {@code name} as whole words, or the name itself. */
  private static String longestFor(
      String name, List<String> fullNames, List<String> paddedFullNames) {
    String best = name;
    String padded = padded(name);
    for (int k = 0; k < fullNames.size(); k++) {
      String full = fullNames.get(k);
      if (full.length() > best.length() && paddedFullNames.get(k).contains(padded)) {
        best = full;
      }
    }
    return best;
  }

  /** " Kassym Jomart Tokayev ": words between spaces, so that containment means whole words. */
  private static String padded(String name) {
    return " " + name.replace('-', ' ') + " ";
  }

  private static void count(Map<String, Positions> counts, String name, int position) {
    counts.computeIfAbsent(name, k -> new Positions()).add(position);
  }

  private static List<String> ranked(
      Map<String, Positions> counts, String type, List<Mentioned> mentioned) {
    List<Map.Entry<String, Positions>> entries = new ArrayList<>(counts.entrySet());
    entries.sort(
        (a, b) ->
            a.getValue().size != b.getValue().size
                ? Integer.compare(b.getValue().size, a.getValue().size)
                : Integer.compare(a.getValue().at[0], b.getValue().at[0]));
    List<String> out = new ArrayList<>();
    for (int k = 0; k < entries.size() && k < MAX_PER_KIND; k++) {
      Map.Entry<String, Positions> e = entries.get(k);
      out.add(e.getKey());
      Positions p = e.getValue();
      mentioned.add(new Mentioned(e.getKey(), type, java.util.Arrays.copyOf(p.at, p.size)));
    }
    return out;
  }
}
