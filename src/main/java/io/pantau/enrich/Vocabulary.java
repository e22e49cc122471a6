package io.pantau.enrich;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What enrichment knows about a folded word, as bits looked up once per token when a text is
 * tokenised: whether it is a stopword or news filler of each configured language, a Malay or an
 * Indonesian-only spelling, a one-word title or the start of a title, a phrase connector, the first
 * word of a compound, a word that never starts an entity, or a sentiment word. Every enricher reads
 * these bits instead of probing its own sets, so a token costs one hash lookup rather than a dozen.
 *
 * <p>The lookup runs once per token of every article, so the table is open addressing over parallel
 * arrays (the key's hash, the key, its bits) at a load of at most a quarter: no boxed values, no
 * entry objects, and {@code equals} only on a full hash match.
 */
final class Vocabulary {
  /** Stopword of the language in slot k: bit k (at most {@value #MAX_LANGUAGES} languages). */
  static final int MAX_LANGUAGES = 16;

  static final long MALAY_SPELLING = 1L << 32;
  static final long INDONESIAN_SPELLING = 1L << 33;
  static final long ONE_WORD_TITLE = 1L << 34;
  static final long CONNECTOR = 1L << 35;
  static final long COMPOUND_FIRST = 1L << 36;

  /** The second word of a two-word compound ("sama" of "kerja sama"). */
  static final long COMPOUND_SECOND = 1L << 40;

  static final long NOT_ENTITY = 1L << 37;

  /** The first word of a title ("wakil" of "wakil presiden"). */
  static final long TITLE_START = 1L << 39;

  /** A sentiment rule word, a lexicon entry, or the first word of a lexicon bigram. */
  static final long SENTIMENT = 1L << 38;

  private static final String[] INDONESIAN_SPELLINGS = {
    "bahwa", "karena", "setelah", "uang", "bisa", "pemerintah", "sedangkan", "saja"
  };

  private final List<Language> languages;
  private final Map<String, Long> bits = new LinkedHashMap<>();
  private final int[] hashes;
  private final String[] keys;
  private final long[] values;
  private final int mask;

  private Vocabulary(List<Language> languages) {
    if (languages.size() > MAX_LANGUAGES) {
      throw new IllegalStateException("more than " + MAX_LANGUAGES + " languages");
    }
    this.languages = List.copyOf(languages);
    for (int k = 0; k < languages.size(); k++) {
      for (String w : languages.get(k).stopwords()) {
        mark(w, 1L << k);
      }
      for (String w : languages.get(k).filler()) {
        mark(w, 1L << (k + MAX_LANGUAGES));
      }
    }
    for (String w : Resources.wordSet("stopwords/ms.txt")) {
      mark(w, MALAY_SPELLING);
    }
    for (String w : INDONESIAN_SPELLINGS) {
      mark(w, INDONESIAN_SPELLING);
    }
    for (String title : Resources.lines("gazetteer/titles.txt")) {
      if (title.indexOf(' ') < 0) {
        mark(title, ONE_WORD_TITLE);
      }
      mark(title.split("[ -]")[0], TITLE_START);
    }
    for (String w : Resources.wordSet("phrases/connectors.txt")) {
      mark(w, CONNECTOR);
    }
    for (String c : Resources.lines("phrases/compounds.txt")) {
      mark(c.substring(0, c.indexOf(' ')), COMPOUND_FIRST);
      mark(c.substring(c.indexOf(' ') + 1), COMPOUND_SECOND);
    }
    for (String w : Resources.wordSet("gazetteer/not-entities.txt")) {
      mark(w, NOT_ENTITY);
    }
    for (String path : List.of("sentiment/id.tsv", "sentiment/en.tsv")) {
      for (String[] row : Resources.table(path)) {
        String word = row[0].strip();
        int space = word.indexOf(' ');
        mark(space > 0 ? word.substring(0, space) : word, SENTIMENT);
      }
    }
    for (String[] row : Resources.table("sentiment/rules.tsv")) {
      mark(row[1].strip(), SENTIMENT);
    }
    int capacity = Integer.highestOneBit(Math.max(16, bits.size() * 4) - 1) << 1;
    hashes = new int[capacity];
    keys = new String[capacity];
    values = new long[capacity];
    mask = capacity - 1;
    for (Map.Entry<String, Long> e : bits.entrySet()) {
      int h = e.getKey().hashCode();
      int i = slot(h);
      while (keys[i] != null) {
        i = (i + 1) & mask;
      }
      hashes[i] = h;
      keys[i] = e.getKey();
      values[i] = e.getValue();
    }
  }

  /** The home slot of a hash: its high bits after a multiplicative mix. */
  private int slot(int hash) {
    return (hash * 0x9E3779B9) >>> 16 & mask;
  }

  /**
   * The most keys a lookup compares before it can stop (the longest run of occupied slots a key
   * must walk from its home slot, plus one): a measure of how well the keys spread.
   */
  int longestProbe() {
    int longest = 0;
    for (int i = 0; i < keys.length; i++) {
      if (keys[i] != null) {
        int steps = ((i - slot(hashes[i])) & mask) + 1;
        longest = Math.max(longest, steps);
      }
    }
    return longest;
  }

  private void mark(String word, long bit) {
    bits.merge(word, bit, (a, b) -> a | b);
  }

  private static final class Standard {
    static final Vocabulary INSTANCE = load();

    private static Vocabulary load() {
      List<Language> table = new ArrayList<>();
      for (String[] row : Resources.table("languages.tsv")) {
        table.add(Language.load(row, table.size()));
      }
      return new Vocabulary(table);
    }
  }

  /** The vocabulary of the configured languages ({@code languages.tsv}), built on first use. */
  static Vocabulary standard() {
    return Standard.INSTANCE;
  }

  /** The configured languages; a language's position is its slot in the bits. */
  List<Language> languages() {
    return languages;
  }

  /** The bits of a folded word; zero for a word enrichment knows nothing about. */
  long of(String folded) {
    int h = folded.hashCode();
    for (int i = slot(h); ; i = (i + 1) & mask) {
      String k = keys[i];
      if (k == null) {
        return 0;
      }
      if (hashes[i] == h && k.equals(folded)) {
        return values[i];
      }
    }
  }
}
