package io.pantau.enrich;

import io.pantau.text.Fold;
import java.util.Arrays;

/**
 * One article's text, tokenised once and shared by every enricher: surface forms, folded forms,
 * shape flags and sentence numbers, in parallel arrays so that per-article work stays linear and
 * allocation-light. The title's tokens come first and the body's start at {@link #bodyStart()}.
 *
 * <p>Hyphenated words are split into parts marked {@link #JOINED} so that names such as
 * "China-Kazakhstan" can be read part by part, except reduplicated plurals ("negara-negara"), which
 * stay one token whose folded form is the base word.
 */
final class AnalyzedText {
  /** The first character is upper case. */
  static final int CAP = 1;

  /** At least two letters and no lower-case letter: an acronym such as "PBB". */
  static final int ACRONYM = 1 << 1;

  /** Contains a digit. */
  static final int NUMERIC = 1 << 2;

  /** The first token of a sentence, paragraph or the title. */
  static final int SENTENCE_START = 1 << 3;

  /** Attached to the previous token by a hyphen without spaces. */
  static final int JOINED = 1 << 4;

  /** Punctuation (other than a joining hyphen) stands between this token and the previous one. */
  static final int BREAK_BEFORE = 1 << 5;

  /** The token belongs to the title. */
  static final int TITLE = 1 << 6;

  /** The first token of the title or of a paragraph (text after a blank line). */
  static final int PARAGRAPH_START = 1 << 7;

  private static final java.util.Set<String> ABBREVIATIONS =
      java.util.Set.of(
          "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "gen", "sen", "rep", "gov", "lt",
          "col", "capt", "no", "vs", "h", "hj", "ir", "drs", "inc", "corp", "co", "ltd", "jl");

  private static final boolean[] ASCII_WORD_CHAR = new boolean[0x80];

  static {
    for (char c = 0; c < 0x80; c++) {
      ASCII_WORD_CHAR[c] = Character.isLetterOrDigit(c);
    }
  }

  private final Vocabulary words = Vocabulary.standard();
  private String[] surface;
  private String[] folded;
  private int[] flags;
  private long[] vocabulary;
  private int[] sentence;
  private int size;
  private int bodyStart;
  private int sentences;
  private int bodyWords;

  private AnalyzedText(int capacity) {
    surface = new String[capacity];
    folded = new String[capacity];
    flags = new int[capacity];
    vocabulary = new long[capacity];
    sentence = new int[capacity];
  }

  /** Tokenises a title (may be null) and a body (may be null). */
  static AnalyzedText of(String title, String body) {
    int estimate =
        16 + ((title == null ? 0 : title.length()) + (body == null ? 0 : body.length())) / 5;
    AnalyzedText t = new AnalyzedText(estimate);
    if (title != null) {
      t.scan(title, TITLE);
    }
    t.bodyStart = t.size;
    if (body != null) {
      t.scan(body, 0);
    }
    return t;
  }

  int size() {
    return size;
  }

  int bodyStart() {
    return bodyStart;
  }

  int sentenceCount() {
    return sentences;
  }

  /**
   * The body's words counted as {@link io.pantau.text.Words#count} counts them (runs of letters or
   * digits; a hyphen or apostrophe between two such characters joins them), found while tokenising
   * so the body is read once.
   */
  int bodyWords() {
    return bodyWords;
  }

  String surface(int i) {
    return surface[i];
  }

  String folded(int i) {
    return folded[i];
  }

  /** The {@link Vocabulary} bits of token {@code i}. */
  long vocabulary(int i) {
    return vocabulary[i];
  }

  /** Whether token {@code i} carries the given {@link Vocabulary} bit. */
  boolean is(int i, long vocabularyBit) {
    return (vocabulary[i] & vocabularyBit) != 0;
  }

  int sentence(int i) {
    return sentence[i];
  }

  boolean has(int i, int flag) {
    return (flags[i] & flag) != 0;
  }

  /** A word of letters, not a number, not a lone letter. */
  boolean isWord(int i) {
    return (flags[i] & NUMERIC) == 0 && folded[i].length() > 1;
  }

  /** Capitalised, and not only because it opens a sentence. */
  boolean isCapitalisedMidSentence(int i) {
    return (flags[i] & CAP) != 0 && (flags[i] & SENTENCE_START) == 0;
  }

  private void scan(String s, int baseFlags) {
    int n = s.length();
    int i = 0;
    boolean sentenceStart = true;
    boolean pendingBreak = false;
    boolean pendingJoin = false;
    boolean paragraphStart = true;
    boolean countWords = (baseFlags & TITLE) == 0;
    int words = 0;
    sentences++;
    while (i < n) {
      char c = s.charAt(i);
      if (!(c < 0x80 ? ASCII_WORD_CHAR[c] : Character.isLetterOrDigit(c))) {
        if (c == '\n' && i + 1 < n && s.charAt(i + 1) == '\n') {
          if (!sentenceStart) {
            sentences++;
          }
          sentenceStart = true;
          paragraphStart = true;
          pendingBreak = true;
          pendingJoin = false;
        } else if (c == '-'
            && size > 0
            && i > 0
            && Character.isLetterOrDigit(s.charAt(i - 1))
            && i + 1 < n
            && Character.isLetterOrDigit(s.charAt(i + 1))) {
          pendingJoin = true;
        } else if (c == '.' || c == '!' || c == '?') {
          pendingBreak = true;
          pendingJoin = false;
          if (!(c == '.' && size > 0 && ABBREVIATIONS.contains(folded[size - 1]))
              && !sentenceStart) {
            sentenceStart = true;
            sentences++;
          }
        } else if (!Character.isWhitespace(c)) {
          pendingBreak = true;
          pendingJoin = false;
        }
        i++;
        continue;
      }
      int start = i;
      int letters = 0;
      int upper = 0;
      boolean digit = false;
      boolean ascii = true;
      while (i < n) {
        char d = s.charAt(i);
        if (d < 0x80) {
          // ASCII without the Unicode tables: most of the text
          if (d >= 'a' && d <= 'z') {
            letters++;
          } else if (d >= 'A' && d <= 'Z') {
            letters++;
            upper++;
          } else if (d >= '0' && d <= '9') {
            digit = true;
          } else if ((d == '\'' || d == '.' || d == ',')
              && i + 1 < n
              && Character.isLetterOrDigit(s.charAt(i + 1))
              && (d != ',' || (digit && Character.isDigit(s.charAt(i + 1))))
              && (d != '.' || digit || Character.isLowerCase(s.charAt(i + 1)))) {
            // apostrophes inside words, decimal separators, and domain names such as Suara.com
            // (a word counter sees two words across the point or comma)
            if (d != '\'') {
              words++;
            }
            i++;
            continue;
          } else {
            break;
          }
          i++;
        } else if (Character.isLetterOrDigit(d)) {
          ascii = false;
          if (Character.isDigit(d)) {
            digit = true;
          } else {
            letters++;
            if (Character.isUpperCase(d)) {
              upper++;
            }
          }
          i++;
        } else if (d == '’' && i + 1 < n && Character.isLetterOrDigit(s.charAt(i + 1))) {
          ascii = false;
          words++;
          i++;
        } else {
          break;
        }
      }
      if (!pendingJoin) {
        words++;
      }
      String word = s.substring(start, i);
      int f = baseFlags;
      char first = word.charAt(0);
      if (ascii ? first >= 'A' && first <= 'Z' : Character.isUpperCase(first)) {
        f |= CAP;
      }
      if (letters >= 2 && upper == letters) {
        f |= ACRONYM;
      }
      if (digit) {
        f |= NUMERIC;
      }
      if (sentenceStart) {
        f |= SENTENCE_START;
      }
      if (pendingBreak) {
        f |= BREAK_BEFORE;
      }
      if (paragraphStart) {
        f |= PARAGRAPH_START;
      }
      // lower-case ASCII is its own folded form; other ASCII only needs lower-casing
      String fold =
          !ascii ? Fold.fold(word) : upper == 0 ? word : word.toLowerCase(java.util.Locale.ROOT);
      if (pendingJoin && size > 0 && fold.equals(folded[size - 1])) {
        // reduplicated plural: one token with the base word as its folded form
        surface[size - 1] = surface[size - 1] + "-" + word;
      } else {
        if (pendingJoin) {
          f |= JOINED;
        }
        add(word, fold, f);
      }
      sentenceStart = false;
      paragraphStart = false;
      pendingBreak = false;
      pendingJoin = false;
    }
    if (countWords) {
      bodyWords += words;
    }
  }

  private void add(String word, String fold, int f) {
    if (size == surface.length) {
      int cap = size * 2 + 8;
      surface = Arrays.copyOf(surface, cap);
      folded = Arrays.copyOf(folded, cap);
      flags = Arrays.copyOf(flags, cap);
      vocabulary = Arrays.copyOf(vocabulary, cap);
      sentence = Arrays.copyOf(sentence, cap);
    }
    surface[size] = word;
    folded[size] = fold;
    flags[size] = f;
    vocabulary[size] = words.of(fold);
    sentence[size] = sentences - 1;
    size++;
  }
}
