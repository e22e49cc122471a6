package io.pantau.enrich;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Keywords (single normalised terms) and keyphrases (canonical multi-word phrases as well as
 * salient single names), most salient first. Statistical and corpus-free: candidates are runs of
 * content words between punctuation, stopwords and news filler; a phrase's score grows with its
 * frequency, its length, its capitalisation (names) and an early first mention; a phrase that only
 * ever occurs inside a longer one gives way to it.
 */
final class KeyphraseExtractor {
  static final int MAX_KEYPHRASES = 15;
  static final int MAX_KEYWORDS = 12;
  private static final int MAX_UNITS = 4;
  private static final int MAX_WORDS = 5;
  private static final double[] LENGTH_BOOST = {0, 1.0, 2.2, 3.0, 3.5, 3.8};
  private static final int MAX_UNIT_ID = 0xffff;

  private final Set<String> compounds;

  /** Keywords and keyphrases of one article. */
  record Result(List<String> keywords, List<String> keyphrases) {}

  private final Gazetteer gazetteer;

  KeyphraseExtractor(Gazetteer gazetteer) {
    this.gazetteer = gazetteer;
    this.compounds = new HashSet<>(Resources.lines("phrases/compounds.txt"));
  }

  /** Statistics of one candidate phrase across the article. */
  private static final class Candidate {
    final long key;
    final int units;
    final int words;
    int tf;
    int keywordTf;
    int capitalised;
    int firstSentence = Integer.MAX_VALUE;
    boolean inTitle;
    int displayStart = -1;
    int displayEnd;
    boolean displayCapitalised;
    String shortestFold;
    double score;
    boolean subsumed;

    Candidate(long key, int units, int words) {
      this.key = key;
      this.units = units;
      this.words = words;
    }
  }

  Result extract(AnalyzedText t, Language lang) {
    int n = t.size();
    // units: a token, or two tokens forming a compound
    int[] unitStart = new int[n];
    int[] unitEnd = new int[n];
    String[] unitKey = new String[n];
    byte[] unitRole = new byte[n]; // 0 break, 1 content, 2 connector
    int units = 0;
    for (int i = 0; i < n; ) {
      String f = t.folded(i);
      int end = i + 1;
      byte role;
      String key;
      if (i + 1 < n
          && t.is(i, Vocabulary.COMPOUND_FIRST)
          && t.is(i + 1, Vocabulary.COMPOUND_SECOND)
          && !t.has(i + 1, AnalyzedText.BREAK_BEFORE)
          && compounds.contains(f + " " + t.folded(i + 1))) {
        end = i + 2;
        role = 1;
        key = f + " " + lang.stem(t.folded(i + 1));
      } else {
        role = role(t, i, lang);
        key = role == 0 ? null : lang.stem(f);
      }
      unitStart[units] = i;
      unitEnd[units] = end;
      unitKey[units] = key;
      unitRole[units] = role;
      units++;
      i = end;
    }
    // unit keys become small per-article ids, and an n-gram of up to four units one long
    // open addressing on the strings' cached hashes: no boxing, no entry objects
    int idCap = Integer.highestOneBit(Math.max(16, 2 * units) - 1) << 2;
    String[] idKeys = new String[idCap];
    int[] idValues = new int[idCap];
    int distinct = 0;
    int[] unitId = new int[units];
    for (int u = 0; u < units; u++) {
      String key = unitKey[u];
      if (key == null) {
        continue;
      }
      int slot = key.hashCode() * 0x9E3779B9 >>> 7 & (idCap - 1);
      while (idKeys[slot] != null && !idKeys[slot].equals(key)) {
        slot = (slot + 1) & (idCap - 1);
      }
      if (idKeys[slot] == null) {
        if (distinct + 1 > MAX_UNIT_ID) {
          unitRole[u] = 0;
          continue;
        }
        idKeys[slot] = key;
        idValues[slot] = ++distinct;
      }
      unitId[u] = idValues[slot];
    }
    CandidateTable candidates = new CandidateTable(units);
    byte[] names = new byte[n];
    for (int u = 0; u < units; u++) {
      if (unitRole[u] != 1) {
        continue;
      }
      long packed = 0;
      int words = 0;
      for (int v = u; v < units && v - u < MAX_UNITS; v++) {
        if (v > u && (unitRole[v] == 0 || t.has(unitStart[v], AnalyzedText.BREAK_BEFORE))) {
          break;
        }
        if (v > u && t.sentence(unitStart[v]) != t.sentence(unitStart[u])) {
          break;
        }
        if (unitRole[v] == 2 && !connects(t, unitStart[v], unitEnd[v])) {
          break;
        }
        words += unitEnd[v] - unitStart[v];
        if (words > MAX_WORDS) {
          break;
        }
        packed = packed << 16 | unitId[v];
        if (unitRole[v] != 1) {
          continue;
        }
        if (v > u && mixesKnownName(t, unitStart[u], unitEnd[v], names)) {
          break;
        }
        Candidate c = candidates.get(packed);
        if (c == null) {
          c = candidates.add(new Candidate(packed, v - u + 1, words));
        }
        observe(c, t, unitStart[u], unitEnd[v]);
      }
    }
    List<Candidate> phrases = new ArrayList<>();
    List<Candidate> singles = new ArrayList<>();
    mergeShortNames(candidates, distinct, t);
    for (Candidate c : candidates.all) {
      boolean proper = 2 * c.capitalised > c.tf;
      if (c.units > 1 && c.tf < 2 && !proper) {
        continue;
      }
      double position = 1 + 0.5 / (1 + c.firstSentence / 3.0);
      c.score =
          (c.tf + (c.inTitle ? 2 : 0))
              * LENGTH_BOOST[Math.min(c.words, LENGTH_BOOST.length - 1)]
              * (proper ? 1.3 : 1.0)
              * position;
      if (c.subsumed) {
        // merged into a full name: still a keyword, no longer a keyphrase of its own
        if (c.keywordTf > 0) {
          singles.add(c);
        }
        continue;
      }
      phrases.add(c);
      if (c.units == 1 && c.words == 1 && c.keywordTf > 0) {
        singles.add(c);
      }
    }
    // a phrase seen only inside a longer accepted phrase is that phrase
    for (Candidate c : phrases) {
      for (int a = 0; a < c.units; a++) {
        for (int b = a; b < c.units; b++) {
          if (b - a + 1 == c.units) {
            continue;
          }
          // units a..b counted from the left, packed like the whole
          long sub = (c.key >>> (16 * (c.units - 1 - b))) & ((1L << (16 * (b - a + 1))) - 1);
          Candidate s = candidates.get(sub);
          if (s != null && s.tf <= c.tf) {
            s.subsumed = true;
          }
        }
      }
    }
    phrases.removeIf(c -> c.subsumed);
    // only the best few are kept: pick them in the order a stable sort by score would give
    // rather than sort every candidate
    double[] phraseScores = new double[phrases.size()];
    for (int k = 0; k < phraseScores.length; k++) {
      phraseScores[k] = phrases.get(k).score;
    }
    List<String> keyphrases = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    Ranking phraseRanking = new Ranking(phraseScores);
    for (int k = phraseRanking.next();
        k >= 0 && keyphrases.size() < MAX_KEYPHRASES;
        k = phraseRanking.next()) {
      String display = display(phrases.get(k), t);
      if (seen.add(display.toLowerCase(Locale.ROOT))) {
        keyphrases.add(display);
      }
    }
    List<String> keywords = new ArrayList<>();
    double[] singleScores = new double[singles.size()];
    for (int k = 0; k < singleScores.length; k++) {
      Candidate c = singles.get(k);
      singleScores[k] = c.keywordTf * c.score / c.tf;
    }
    Ranking singleRanking = new Ranking(singleScores);
    for (int k = singleRanking.next();
        k >= 0 && keywords.size() < MAX_KEYWORDS;
        k = singleRanking.next()) {
      Candidate c = singles.get(k);
      if (c.shortestFold.length() > 2 && !keywords.contains(c.shortestFold)) {
        keywords.add(c.shortestFold);
      }
    }
    return new Result(keywords, keyphrases);
  }

  /**
   * Indices of non-negative scores, highest first and equal ones in index order (what a stable
   * descending sort gives). Usually only the first dozen or so are wanted, so the best {@link
   * #SELECTED} are kept in one pass over the scores (each score is compared with the worst kept
   * one, and most stop there); past them the rest are sorted once.
   */
  static final class Ranking {
    private static final int SELECTED = 3 * MAX_KEYPHRASES;
    private final double[] scores;
    private final int[] top;
    private int kept;
    private int at;
    private Integer[] rest;

    Ranking(double[] scores) {
      this.scores = scores;
      this.top = new int[Math.min(SELECTED, scores.length)];
      for (int k = 0; k < scores.length; k++) {
        if (scores[k] < 0 || kept == top.length && !(scores[k] > scores[top[kept - 1]])) {
          continue;
        }
        // insert after every kept index with a higher or equal score: those come first
        int pos = kept == top.length ? kept - 1 : kept++;
        while (pos > 0 && scores[k] > scores[top[pos - 1]]) {
          top[pos] = top[pos - 1];
          pos--;
        }
        top[pos] = k;
      }
    }

    /** The next index, or -1 when there is none. */
    int next() {
      if (at < kept) {
        return top[at++];
      }
      if (kept < top.length || kept == scores.length) {
        return -1;
      }
      if (rest == null) {
        boolean[] taken = new boolean[scores.length];
        for (int k = 0; k < kept; k++) {
          taken[top[k]] = true;
        }
        List<Integer> left = new ArrayList<>();
        for (int k = 0; k < scores.length; k++) {
          if (!taken[k] && scores[k] >= 0) {
            left.add(k);
          }
        }
        left.sort((a, b) -> Double.compare(scores[b], scores[a]));
        rest = left.toArray(new Integer[0]);
      }
      int r = at++ - kept;
      return r < rest.length ? rest[r] : -1;
    }
  }

  /**
   * "Tokayev" after "Kassym-Jomart Tokayev": a capitalised single word that is the first or last
   * word of exactly one longer capitalised phrase counts as that phrase, like entity aliases. Known
   * names (countries, organisations) are left alone; they head many phrases.
   */
  private void mergeShortNames(CandidateTable candidates, int unitIds, AnalyzedText t) {
    // indexed by unit id: the phrase that owns a word, and whether several do
    Candidate[] owner = new Candidate[unitIds + 1];
    boolean[] ambiguous = new boolean[unitIds + 1];
    for (Candidate c : candidates.all) {
      if (c.units < 2 || 2 * c.capitalised <= c.tf) {
        continue;
      }
      int first = (int) (c.key >>> (16 * (c.units - 1)));
      int last = (int) (c.key & 0xffff);
      for (int pass = 0; pass < 2; pass++) {
        int id = pass == 0 ? first : last;
        Candidate previous = owner[id];
        if (previous == null) {
          owner[id] = c;
        } else if (previous == c) {
          continue;
        } else if (nested(previous, c)) {
          // "Jomart Tokayev" inside "Kassym-Jomart Tokayev": the longer one owns the word
          owner[id] = previous.units >= c.units ? previous : c;
        } else {
          ambiguous[id] = true;
        }
      }
    }
    for (Candidate c : candidates.all) {
      if (c.units != 1
          || c.words != 1
          || 2 * c.capitalised <= c.tf
          || ambiguous[(int) c.key]
          || gazetteer.isName(t.folded(c.displayStart))) {
        continue;
      }
      Candidate full = owner[(int) c.key];
      if (full != null) {
        full.tf = Math.max(full.tf, c.tf);
        full.capitalised = Math.max(full.capitalised, c.capitalised);
        full.firstSentence = Math.min(full.firstSentence, c.firstSentence);
        c.subsumed = true;
      }
    }
  }

  /**
   * Candidates by packed key in an open-addressing table (no boxing), and in order of first sight
   * for iteration.
   */
  private static final class CandidateTable {
    final List<Candidate> all = new ArrayList<>();
    private long[] keys;
    private Candidate[] values;
    private int mask;

    CandidateTable(int expected) {
      int cap = Integer.highestOneBit(Math.max(16, 4 * expected) - 1) << 1;
      keys = new long[cap];
      values = new Candidate[cap];
      mask = cap - 1;
    }

    /** Packed keys are never zero: unit ids start at one. */
    Candidate get(long key) {
      for (int i = (int) MinHash.fmix64(key) & mask; ; i = (i + 1) & mask) {
        if (keys[i] == key) {
          return values[i];
        }
        if (keys[i] == 0) {
          return null;
        }
      }
    }

    Candidate add(Candidate c) {
      if (2 * (all.size() + 1) > keys.length) {
        long[] oldKeys = keys;
        Candidate[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new Candidate[oldKeys.length * 2];
        mask = keys.length - 1;
        for (int k = 0; k < oldKeys.length; k++) {
          if (oldKeys[k] != 0) {
            insert(oldKeys[k], oldValues[k]);
          }
        }
      }
      insert(c.key, c);
      all.add(c);
      return c;
    }

    private void insert(long key, Candidate c) {
      int i = (int) MinHash.fmix64(key) & mask;
      while (keys[i] != 0) {
        i = (i + 1) & mask;
      }
      keys[i] = key;
      values[i] = c;
    }
  }

  private static boolean nested(Candidate a, Candidate b) {
    Candidate longer = a.units >= b.units ? a : b;
    Candidate shorter = longer == a ? b : a;
    long mask = (1L << (16 * shorter.units)) - 1;
    return (longer.key & mask) == shorter.key
        || (longer.key >>> (16 * (longer.units - shorter.units))) == shorter.key;
  }

  private byte role(AnalyzedText t, int i, Language lang) {
    String f = t.folded(i);
    if (!t.isWord(i) || lang.isFiller(t, i) || t.is(i, Vocabulary.ONE_WORD_TITLE)) {
      return 0;
    }
    if (t.is(i, Vocabulary.CONNECTOR) && !t.has(i, AnalyzedText.CAP)) {
      return 2;
    }
    if (lang.isStopword(t, i)) {
      // "Tengah" in "Asia Tengah" is a name part, "tengah" alone a function word
      return t.isCapitalisedMidSentence(i) ? (byte) 1 : 0;
    }
    boolean shortName = f.length() == 2 && t.isCapitalisedMidSentence(i); // "Xi"
    return f.length() > 2 || shortName || t.has(i, AnalyzedText.ACRONYM) ? (byte) 1 : 0;
  }

  private static boolean connects(AnalyzedText t, int start, int end) {
    return start > 0
        && end < t.size()
        && t.has(start - 1, AnalyzedText.CAP)
        && t.has(end, AnalyzedText.CAP)
        && !t.has(end, AnalyzedText.BREAK_BEFORE);
  }

  private static void observe(Candidate c, AnalyzedText t, int start, int end) {
    c.tf++;
    if (end - start > 1 || !partOfLongerName(t, start)) {
      c.keywordTf++;
    }
    c.firstSentence = Math.min(c.firstSentence, t.sentence(start));
    if (t.has(start, AnalyzedText.TITLE)) {
      c.inTitle = true;
    }
    boolean cap = true;
    for (int k = start; k < end && cap; k++) {
      String f = t.folded(k);
      cap = t.has(k, AnalyzedText.CAP) || (k > start && k < end - 1 && f.length() <= 3);
    }
    boolean reliablyCap = cap && !t.has(start, AnalyzedText.SENTENCE_START);
    if (reliablyCap) {
      c.capitalised++;
    }
    if (c.displayStart < 0 || (reliablyCap && !c.displayCapitalised)) {
      c.displayStart = start;
      c.displayEnd = end;
      c.displayCapitalised = reliablyCap;
    }
    if (end - start == 1) {
      String f = t.folded(start);
      if (c.shortestFold == null || f.length() < c.shortestFold.length()) {
        c.shortestFold = f;
      }
    }
  }

  /** "Asia" in "Asia Tengah": a capitalised word inside a longer capitalised name. */
  private static boolean partOfLongerName(AnalyzedText t, int i) {
    if (!t.isCapitalisedMidSentence(i)) {
      return false;
    }
    boolean prev = i > 0 && !t.has(i, AnalyzedText.BREAK_BEFORE) && t.has(i - 1, AnalyzedText.CAP);
    boolean next =
        i + 1 < t.size()
            && !t.has(i + 1, AnalyzedText.BREAK_BEFORE)
            && !t.has(i + 1, AnalyzedText.JOINED)
            && t.has(i + 1, AnalyzedText.CAP);
    return prev && !t.has(i, AnalyzedText.JOINED) || next;
  }

  /**
   * "China dan Kazakhstan", "Kazakhstan Kassym-Jomart Tokayev": a phrase that starts or ends with a
   * known name and is not itself one strings names together rather than naming one thing.
   */
  private boolean mixesKnownName(AnalyzedText t, int start, int end, byte[] names) {
    boolean startsWithName = t.has(start, AnalyzedText.CAP) && isName(t, start, names);
    boolean endsWithName = t.has(end - 1, AnalyzedText.CAP) && isName(t, end - 1, names);
    if (!startsWithName && !endsWithName) {
      return false;
    }
    StringBuilder sb = new StringBuilder();
    for (int k = start; k < end; k++) {
      if (k > start) {
        sb.append(' ');
      }
      sb.append(t.folded(k));
    }
    return !gazetteer.isName(sb.toString());
  }

  /**
   * Whether token {@code i} alone is a known name, remembered per token in {@code names} (0 not yet
   * asked, 1 no, 2 yes): a token is asked about once for every phrase it starts or ends.
   */
  private boolean isName(AnalyzedText t, int i, byte[] names) {
    if (names[i] == 0) {
      names[i] = gazetteer.isName(t.folded(i)) ? (byte) 2 : 1;
    }
    return names[i] == 2;
  }

  private static String display(Candidate c, AnalyzedText t) {
    boolean proper = 2 * c.capitalised > c.tf;
    StringBuilder sb = new StringBuilder();
    for (int k = c.displayStart; k < c.displayEnd; k++) {
      if (k > c.displayStart) {
        sb.append(t.has(k, AnalyzedText.JOINED) ? '-' : ' ');
      }
      String s = t.surface(k);
      boolean keepCase = proper || t.has(k, AnalyzedText.ACRONYM);
      sb.append(keepCase ? s : s.toLowerCase(Locale.ROOT));
    }
    return sb.toString();
  }
}
