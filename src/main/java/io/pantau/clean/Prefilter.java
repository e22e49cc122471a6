package io.pantau.clean;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A cheap necessary condition for a rule's regex, derived from the regex itself: the literal words
 * (or a digit) any match must contain. A line that holds none of them cannot match, so the regex is
 * not run. Checked on a case-folded copy of the line, folded the way the regex engine compares
 * characters under {@code (?i)} with UNICODE_CASE, so it holds for case-sensitive and insensitive
 * rules alike.
 *
 * <p>The analysis is conservative: a construct it does not know (or a regex it cannot parse) adds
 * no condition, and a rule with no condition is always run. Rules stay plain regexes in the
 * rules-*.txt files; nothing here is per rule or per language.
 */
final class Prefilter {

  /** Stands for "any ASCII digit" ({@code \d} without UNICODE_CHARACTER_CLASS) in a clause. */
  private static final String DIGIT = "\u0000";

  /** Cap on the strings of a finite alternative set; larger sets are not multiplied further. */
  private static final int MAX_SET = 256;

  private static final int MAX_CLAUSES = 3;

  static final Prefilter NONE = new Prefilter(List.of(), -1);

  /** All clauses must hold; a clause holds when the line contains one of its strings. */
  private final String[][] clauses;

  /** The clauses as ids of {@link #scanner}'s literals (-1 for a digit); null when unbound. */
  private final int[][] ids;

  private final LiteralScanner scanner;

  /** The most chars a match can span; -1 when not known to be bounded. */
  private final int maxLength;

  private Prefilter(List<String[]> clauses, int maxLength) {
    this.clauses = clauses.toArray(new String[0][]);
    this.ids = null;
    this.scanner = null;
    this.maxLength = maxLength;
  }

  private Prefilter(String[][] clauses, int[][] ids, LiteralScanner scanner, int maxLength) {
    this.clauses = clauses;
    this.ids = ids;
    this.scanner = scanner;
    this.maxLength = maxLength;
  }

  /** Every literal of these prefilters, for one {@link LiteralScanner} shared by all of them. */
  static List<String> literals(Iterable<Prefilter> filters) {
    List<String> out = new ArrayList<>();
    for (Prefilter f : filters) {
      for (String[] clause : f.clauses) {
        for (String s : clause) {
          if (s != DIGIT) {
            out.add(s);
          }
        }
      }
    }
    return out;
  }

  /**
   * The same condition, checked through the scanner: a line is then scanned once for every
   * prefilter bound to the same scanner. The scanner must know every literal of this prefilter.
   */
  Prefilter bind(LiteralScanner scanner) {
    if (clauses.length == 0) {
      return this;
    }
    int[][] bound = new int[clauses.length][];
    for (int c = 0; c < clauses.length; c++) {
      bound[c] = new int[clauses[c].length];
      for (int i = 0; i < clauses[c].length; i++) {
        String s = clauses[c][i];
        int id = s == DIGIT ? -1 : scanner.id(s);
        if (s != DIGIT && id < 0) {
          throw new IllegalArgumentException("the scanner does not know " + s);
        }
        bound[c][i] = id;
      }
    }
    return new Prefilter(clauses, bound, scanner, maxLength);
  }

  /** The condition of a regex; {@link #NONE} when nothing is certain. */
  static Prefilter of(String regex) {
    try {
      Parser p = new Parser(regex);
      Info info = p.alternation();
      if (p.pos != regex.length()) {
        return NONE;
      }
      List<Set<String>> cs = new ArrayList<>(info.clauses);
      if (info.exact != null && !info.exact.contains("")) {
        cs.add(info.exact);
      }
      // the most selective first: longest shortest string, then fewest strings
      cs.sort(
          Comparator.comparingInt((Set<String> c) -> -minLength(c)).thenComparingInt(Set::size));
      List<String[]> out = new ArrayList<>();
      for (Set<String> c : cs) {
        if (out.size() < MAX_CLAUSES) {
          out.add(c.toArray(new String[0]));
        }
      }
      return out.isEmpty() && info.max < 0 ? NONE : new Prefilter(List.copyOf(out), info.max);
    } catch (RuntimeException e) {
      return NONE;
    }
  }

  /**
   * False only when the regex certainly cannot match the whole line (as {@code matches()} asks):
   * the line is longer than any match can be, or {@link #admits} rejects it.
   */
  boolean admitsWhole(Line line) {
    return (maxLength < 0 || line.text().length() <= maxLength) && admits(line);
  }

  /** The most chars a match can span; -1 when not known to be bounded. */
  int maxLength() {
    return maxLength;
  }

  /** False only when the regex certainly cannot match anywhere in the line. */
  boolean admits(Line line) {
    if (scanner != null) {
      long[] present = line.present(scanner);
      for (int[] clause : ids) {
        boolean any = false;
        for (int id : clause) {
          if (id < 0 ? line.hasDigit() : (present[id >>> 6] & (1L << id)) != 0) {
            any = true;
            break;
          }
        }
        if (!any) {
          return false;
        }
      }
      return true;
    }
    for (String[] clause : clauses) {
      boolean any = false;
      for (String s : clause) {
        if (s == DIGIT ? line.hasDigit() : line.folded().contains(s)) {
          any = true;
          break;
        }
      }
      if (!any) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder();
    for (String[] c : clauses) {
      b.append(b.length() == 0 ? "" : " AND ").append('{');
      for (int i = 0; i < c.length; i++) {
        b.append(i == 0 ? "" : "|").append(c[i] == DIGIT ? "\\d" : c[i]);
      }
      b.append('}');
    }
    return b.toString();
  }

  /** How the regex engine compares characters case-insensitively with UNICODE_CASE. */
  static char fold(char c) {
    if (c < 0x80) {
      // ASCII: plain lower case, without the Unicode case tables (every line is folded)
      return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }
    return Character.toLowerCase(Character.toUpperCase(c));
  }

  static String fold(String s) {
    boolean ascii = true;
    for (int i = 0; i < s.length() && ascii; i++) {
      ascii = s.charAt(i) < 0x80;
    }
    if (ascii) {
      // the same as the loop below for ASCII, and the JDK's lower-casing of Latin-1 strings
      // returns the string itself when nothing changes
      return s.toLowerCase(Locale.ROOT);
    }
    char[] out = new char[s.length()];
    for (int i = 0; i < out.length; i++) {
      out[i] = fold(s.charAt(i));
    }
    return new String(out);
  }

  private static int minLength(Set<String> c) {
    int min = Integer.MAX_VALUE;
    for (String s : c) {
      min = Math.min(min, s == DIGIT ? 1 : s.length());
    }
    return min;
  }

  /** A text as the prefilters read it: folded once, its digit test done once. */
  static final class Line {
    private final String text;
    private String folded;
    private int digit = -1;
    private int fourDigits = -1;
    private LiteralScanner scannedBy;
    private long[] present;

    Line(String text) {
      this.text = text;
    }

    String text() {
      return text;
    }

    String folded() {
      if (folded == null) {
        folded = fold(text);
      }
      return folded;
    }

    /** The literals of the scanner that occur in the folded line (scanned once per scanner). */
    long[] present(LiteralScanner scanner) {
      if (scannedBy != scanner) {
        present = scanner.scan(folded());
        scannedBy = scanner;
      }
      return present;
    }

    /** Whether the line holds a run of four ASCII digits (a year, in a date). */
    boolean hasFourDigits() {
      if (fourDigits < 0) {
        fourDigits = 0;
        int run = 0;
        for (int i = 0; i < text.length() && fourDigits == 0; i++) {
          char c = text.charAt(i);
          run = c >= '0' && c <= '9' ? run + 1 : 0;
          if (run == 4) {
            fourDigits = 1;
          }
        }
      }
      return fourDigits == 1;
    }

    boolean hasDigit() {
      if (digit < 0) {
        digit = 0;
        for (int i = 0; i < text.length(); i++) {
          char c = text.charAt(i);
          if (c >= '0' && c <= '9') {
            digit = 1;
            break;
          }
        }
      }
      return digit == 1;
    }
  }

  /**
   * What is known of a sub-expression: {@code exact} is the finite set of strings it can match
   * (folded; null when not finite or too large), {@code clauses} the conditions any of its matches
   * meets (each a set of strings one of which the match contains), {@code max} the most chars a
   * match can span (-1: no bound known).
   */
  private record Info(Set<String> exact, List<Set<String>> clauses, int max) {
    /** Anything, of any length. */
    static final Info ANY = new Info(null, List.of(), -1);

    /** One character of a class: a code point, so up to two chars. */
    static final Info ONE = new Info(null, List.of(), 2);

    static final Info EMPTY = new Info(Set.of(""), List.of(), 0);
    static final Info DIGIT_ONE = new Info(null, List.of(Set.of(DIGIT)), 1);
  }

  private static int sum(int a, int b) {
    return a < 0 || b < 0 || (long) a + b > Integer.MAX_VALUE ? -1 : a + b;
  }

  /** A recursive-descent reader of the java.util.regex syntax the rule files use. */
  private static final class Parser {
    private final String re;
    private int pos;

    Parser(String re) {
      this.re = re;
      if (re.contains("(?x") || re.matches("(?s).*\\(\\?[a-wyz-]*x.*")) {
        throw new IllegalArgumentException("comments mode is not analysed");
      }
    }

    Info alternation() {
      List<Info> branches = new ArrayList<>();
      branches.add(sequence());
      while (pos < re.length() && re.charAt(pos) == '|') {
        pos++;
        branches.add(sequence());
      }
      if (branches.size() == 1) {
        return branches.get(0);
      }
      Set<String> exact = new LinkedHashSet<>();
      Set<String> clause = new LinkedHashSet<>();
      boolean allExact = true;
      boolean allClaused = true;
      int max = 0;
      for (Info b : branches) {
        max = max < 0 || b.max() < 0 ? -1 : Math.max(max, b.max());
        if (b.exact() == null) {
          allExact = false;
        } else {
          exact.addAll(b.exact());
        }
        Set<String> best = best(b);
        if (best == null) {
          allClaused = false;
        } else {
          clause.addAll(best);
        }
      }
      Set<String> e = allExact && exact.size() <= MAX_SET ? exact : null;
      return new Info(e, allClaused && e == null ? List.of(clause) : List.of(), max);
    }

    /** The most selective condition of a branch, its exact set included. */
    private static Set<String> best(Info b) {
      List<Set<String>> cs = new ArrayList<>(b.clauses());
      if (b.exact() != null && !b.exact().contains("")) {
        cs.add(b.exact());
      }
      Set<String> best = null;
      for (Set<String> c : cs) {
        if (best == null || minLength(c) > minLength(best)) {
          best = c;
        }
      }
      return best;
    }

    Info sequence() {
      List<Set<String>> clauses = new ArrayList<>();
      Set<String> run = Set.of("");
      boolean allExact = true;
      int max = 0;
      while (pos < re.length() && re.charAt(pos) != '|' && re.charAt(pos) != ')') {
        Info item = quantified();
        max = sum(max, item.max());
        if (run != null && item.exact() != null && run.size() * item.exact().size() <= MAX_SET) {
          run = product(run, item.exact());
        } else {
          allExact = false;
          close(run, clauses);
          if (item.exact() != null && item.exact().size() <= MAX_SET) {
            run = item.exact(); // a new run of literals starts here
          } else {
            clauses.addAll(item.clauses());
            if (item.exact() != null && !item.exact().contains("")) {
              clauses.add(item.exact());
            }
            run = null;
          }
        }
      }
      if (allExact) {
        return new Info(run, List.of(), max);
      }
      close(run, clauses);
      return new Info(null, clauses, max);
    }

    private static void close(Set<String> run, List<Set<String>> clauses) {
      if (run != null && !run.contains("")) {
        clauses.add(run);
      }
    }

    private static Set<String> product(Set<String> a, Set<String> b) {
      Set<String> out = new LinkedHashSet<>();
      for (String x : a) {
        for (String y : b) {
          out.add(x + y);
        }
      }
      return out;
    }

    private Info quantified() {
      Info atom = atom();
      if (pos >= re.length()) {
        return atom;
      }
      char c = re.charAt(pos);
      int min;
      int max;
      if (c == '*') {
        min = 0;
        max = -1;
        pos++;
      } else if (c == '+') {
        min = 1;
        max = -1;
        pos++;
      } else if (c == '?') {
        min = 0;
        max = 1;
        pos++;
      } else if (c == '{') {
        int close = re.indexOf('}', pos);
        String body = re.substring(pos + 1, close);
        int comma = body.indexOf(',');
        if (comma < 0) {
          min = Integer.parseInt(body.trim());
          max = min;
        } else {
          min = Integer.parseInt(body.substring(0, comma).trim());
          String hi = body.substring(comma + 1).trim();
          max = hi.isEmpty() ? -1 : Integer.parseInt(hi);
        }
        pos = close + 1;
      } else {
        return atom;
      }
      if (pos < re.length() && (re.charAt(pos) == '?' || re.charAt(pos) == '+')) {
        pos++; // lazy or possessive: what a match consumes is still the atom's
      }
      if (min == 1 && max == 1) {
        return atom;
      }
      int span =
          max < 0 || atom.max() < 0 || (long) atom.max() * max > Integer.MAX_VALUE
              ? -1
              : atom.max() * max;
      if (min == 0 && max == 1) {
        if (atom.exact() == null) {
          return new Info(null, List.of(), span);
        }
        Set<String> e = new LinkedHashSet<>(atom.exact());
        e.add("");
        return new Info(e, List.of(), span);
      }
      if (min == 0) {
        return new Info(null, List.of(), span);
      }
      List<Set<String>> cs = new ArrayList<>(atom.clauses());
      if (atom.exact() != null && !atom.exact().contains("")) {
        cs.add(atom.exact());
      }
      return new Info(null, cs, span);
    }

    private Info atom() {
      char c = re.charAt(pos);
      switch (c) {
        case '(':
          return group();
        case '[':
          return charClass();
        case '\\':
          return escape();
        case '.':
          pos++;
          return Info.ONE;
        case '^', '$':
          pos++;
          return Info.EMPTY;
        case '*', '+', '?', '{', ')', '|':
          throw new IllegalArgumentException("unexpected " + c + " at " + pos);
        default:
          pos++;
          return literal(c);
      }
    }

    private static Info literal(char c) {
      if (Character.isSurrogate(c)) {
        return Info.ANY;
      }
      String s = String.valueOf(fold(c));
      return new Info(Set.of(s), List.of(), 1);
    }

    private Info group() {
      pos++;
      if (re.startsWith("?", pos)) {
        if (re.startsWith("?=", pos)
            || re.startsWith("?!", pos)
            || re.startsWith("?<=", pos)
            || re.startsWith("?<!", pos)) {
          // a lookaround consumes nothing; its content is read and ignored
          pos += re.charAt(pos + 1) == '<' ? 3 : 2;
          alternation();
          expect(')');
          return Info.EMPTY;
        }
        if (re.startsWith("?<", pos)) {
          pos = re.indexOf('>', pos) + 1;
        } else if (re.startsWith("?:", pos) || re.startsWith("?>", pos)) {
          pos += 2;
        } else {
          // inline flags: "(?i)" stands alone, "(?i:...)" is a group
          int i = pos + 1;
          while (i < re.length() && (Character.isLetter(re.charAt(i)) || re.charAt(i) == '-')) {
            i++;
          }
          if (re.charAt(i) == ')') {
            pos = i + 1;
            return Info.EMPTY;
          }
          if (re.charAt(i) != ':') {
            throw new IllegalArgumentException("unknown group at " + pos);
          }
          pos = i + 1;
        }
      }
      Info inner = alternation();
      expect(')');
      return inner;
    }

    private void expect(char c) {
      if (pos >= re.length() || re.charAt(pos) != c) {
        throw new IllegalArgumentException("expected " + c + " at " + pos);
      }
      pos++;
    }

    private Info charClass() {
      int start = pos;
      int depth = 0;
      do {
        char c = re.charAt(pos);
        if (c == '\\') {
          pos += 2;
          continue;
        }
        if (c == '[') {
          depth++;
          if (re.startsWith("[^]", pos)) {
            pos += 2;
          } else if (re.startsWith("[]", pos)) {
            pos += 1;
          }
        } else if (c == ']') {
          depth--;
        }
        pos++;
      } while (depth > 0);
      String body = re.substring(start, pos);
      if (body.equals("[0-9]") || body.equals("[\\d]")) {
        return Info.DIGIT_ONE;
      }
      // a short list of plain characters, "[@#]": one of them, as a literal set
      String members = body.substring(1, body.length() - 1);
      if (!members.isEmpty()
          && members.length() <= 16
          && members
              .chars()
              .noneMatch(m -> "\\[]^-&".indexOf(m) >= 0 || Character.isSurrogate((char) m))) {
        Set<String> one = new LinkedHashSet<>();
        members.chars().forEach(m -> one.add(String.valueOf(fold((char) m))));
        return new Info(one, List.of(), 1);
      }
      return Info.ONE;
    }

    private Info escape() {
      char c = re.charAt(pos + 1);
      pos += 2;
      switch (c) {
        case 'd':
          return Info.DIGIT_ONE;
        case 'b', 'B', 'A', 'G', 'z', 'Z':
          if (c == 'b' && re.startsWith("{", pos)) {
            pos = re.indexOf('}', pos) + 1;
          }
          return Info.EMPTY;
        case 'Q':
          {
            int end = re.indexOf("\\E", pos);
            String lit = end < 0 ? re.substring(pos) : re.substring(pos, end);
            pos = end < 0 ? re.length() : end + 2;
            for (int i = 0; i < lit.length(); i++) {
              if (Character.isSurrogate(lit.charAt(i))) {
                return Info.ANY;
              }
            }
            return new Info(Set.of(fold(lit)), List.of(), lit.length());
          }
        case 't':
          return literal('\t');
        case 'n':
          return literal('\n');
        case 'r':
          return literal('\r');
        case 'f':
          return literal('\f');
        case 'e':
          return literal('\u001b');
        case 'a':
          return literal('\u0007');
        case 'p', 'P':
          if (re.startsWith("{", pos)) {
            pos = re.indexOf('}', pos) + 1;
          } else {
            pos++;
          }
          return Info.ONE;
        case 'x':
          if (re.startsWith("{", pos)) {
            pos = re.indexOf('}', pos) + 1;
          } else {
            pos += 2;
          }
          return Info.ONE;
        case 'u':
          pos += 4;
          return Info.ONE;
        case 'c':
          pos++;
          return Info.ONE;
        case 'k', 'N':
          // a back reference repeats a group of any length; \N{name} is one character
          pos = re.indexOf(c == 'k' ? '>' : '}', pos) + 1;
          return c == 'k' ? Info.ANY : Info.ONE;
        case '0':
          while (pos < re.length() && re.charAt(pos) >= '0' && re.charAt(pos) <= '7') {
            pos++;
          }
          return Info.ONE;
        default:
          if (Character.isLetterOrDigit(c)) {
            // \s \w \h \R, back references and other classes: some character, not a literal
            while (Character.isDigit(c) && pos < re.length() && Character.isDigit(re.charAt(pos))) {
              pos++;
            }
            // a back reference and a grapheme cluster (\X) have no bound; \R spans two chars
            // at most ("\r\n"), the other classes one character
            return Character.isDigit(c) || c == 'X' ? Info.ANY : Info.ONE;
          }
          return literal(c);
      }
    }
  }
}
