package io.pantau.query;

import io.pantau.text.Fold;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A brute-force evaluator of the query tree over token lists: the meaning written out plainly,
 * against which the compiled Lucene query is checked. It shares only the tokenizer with the code
 * under test. A clause that leaves no term evaluates to null ("no opinion") and is skipped.
 */
final class Reference {
  private final List<String> title;
  private final List<String> body;
  private final Corpus.Doc doc;

  /** The stemmer of the document's language, or null: a bare word also matches its inflections. */
  private final String stemmer;

  Reference(Corpus.Doc doc) {
    this.doc = doc;
    List<String> lang = doc.exact().getOrDefault("lang", List.of());
    this.stemmer = lang.isEmpty() ? null : QueryText.stemmerFor(lang.get(0));
    this.title = QueryText.tokens(doc.title());
    this.body = QueryText.tokens(doc.body());
  }

  int id() {
    return doc.id();
  }

  boolean matches(QueryNode q) {
    Boolean result = eval(q);
    return result == null || result;
  }

  private Boolean eval(QueryNode q) {
    if (q instanceof QueryNode.MatchAll) {
      return true;
    }
    if (q instanceof QueryNode.Not not) {
      Boolean inner = eval(not.clause());
      return inner == null ? null : !inner;
    }
    if (q instanceof QueryNode.And and) {
      Boolean result = null;
      for (QueryNode c : and.clauses()) {
        Boolean r = eval(c);
        if (r != null) {
          result = (result == null || result) && r;
        }
      }
      return result;
    }
    if (q instanceof QueryNode.Or or) {
      Boolean result = null;
      for (QueryNode c : or.clauses()) {
        Boolean r = eval(c);
        if (r != null) {
          result = (result != null && result) || r;
        }
      }
      return result;
    }
    if (q instanceof QueryNode.FieldValue v) {
      String wanted = v.value().toLowerCase(Locale.ROOT);
      for (String stored : doc.exact().getOrDefault(exactKey(v.field()), List.of())) {
        String s = stored.toLowerCase(Locale.ROOT);
        if (v.prefix() ? s.startsWith(wanted) : s.equals(wanted)) {
          return true;
        }
      }
      return false;
    }
    if (q instanceof QueryNode.Near near) {
      return near(near);
    }
    boolean any = false;
    boolean empty = true;
    for (TextField f : fields(q)) {
      List<Span> spans = spans(q, tokensOf(f), stemmer);
      if (spans != null) {
        empty = false;
        any |= !spans.isEmpty();
      }
    }
    return empty ? null : any;
  }

  private static String exactKey(ExactField f) {
    return f.queryName();
  }

  private List<String> tokensOf(TextField f) {
    return f == TextField.TITLE ? title : body;
  }

  private static List<TextField> fields(QueryNode leaf) {
    TextField f = leaf instanceof QueryNode.Term t ? t.field() : ((QueryNode.Phrase) leaf).field();
    return f == TextField.ANY ? List.of(TextField.TITLE, TextField.BODY) : List.of(f);
  }

  /** A stretch of tokens [start, end). */
  record Span(int start, int end) {}

  /**
   * Every occurrence of a word, prefix or phrase in the tokens; null when it has no term. With a
   * stemmer, a bare word of one token also occurs where a token has its stem, and a prefix where a
   * token's stem starts with it; a quoted phrase never looks at stems.
   */
  private static List<Span> spans(QueryNode leaf, List<String> tokens, String stemmer) {
    List<Span> out = new ArrayList<>();
    if (leaf instanceof QueryNode.Term t && t.prefix()) {
      String prefix = Fold.fold(t.word());
      if (prefix.isEmpty()) {
        return null;
      }
      for (int i = 0; i < tokens.size(); i++) {
        String token = tokens.get(i);
        if (token.startsWith(prefix)
            || (stemmer != null && QueryText.stem(stemmer, token).startsWith(prefix))) {
          out.add(new Span(i, i + 1));
        }
      }
      return out;
    }
    if (leaf instanceof QueryNode.Term t && stemmer != null) {
      List<String> word = QueryText.tokens(t.word());
      if (word.size() == 1) {
        String stem = QueryText.stem(stemmer, word.get(0));
        for (int i = 0; i < tokens.size(); i++) {
          String token = tokens.get(i);
          if (token.equals(word.get(0)) || QueryText.stem(stemmer, token).equals(stem)) {
            out.add(new Span(i, i + 1));
          }
        }
        return out;
      }
    }
    String text =
        leaf instanceof QueryNode.Term t
            ? t.word()
            : String.join(" ", ((QueryNode.Phrase) leaf).words());
    int slop = leaf instanceof QueryNode.Phrase p ? p.slop() : 0;
    List<String> words = QueryText.tokens(text);
    if (words.isEmpty()) {
      return null;
    }
    if (slop == 0 || words.size() == 1) {
      for (int i = 0; i + words.size() <= tokens.size(); i++) {
        if (tokens.subList(i, i + words.size()).equals(words)) {
          out.add(new Span(i, i + words.size()));
        }
      }
      return out;
    }
    if (sloppy(words, tokens, slop, new int[words.size()], 0)) {
      out.add(new Span(0, 0));
    }
    return out;
  }

  /**
   * Whether distinct positions exist for the phrase words such that the spread of (position - index
   * in phrase) is at most the slop: Lucene's definition of a sloppy phrase match.
   */
  private static boolean sloppy(
      List<String> words, List<String> tokens, int slop, int[] at, int i) {
    if (i == words.size()) {
      int min = Integer.MAX_VALUE;
      int max = Integer.MIN_VALUE;
      for (int k = 0; k < at.length; k++) {
        min = Math.min(min, at[k] - k);
        max = Math.max(max, at[k] - k);
      }
      return max - min <= slop;
    }
    for (int p = 0; p < tokens.size(); p++) {
      if (!tokens.get(p).equals(words.get(i)) || used(at, i, p)) {
        continue;
      }
      at[i] = p;
      if (sloppy(words, tokens, slop, at, i + 1)) {
        return true;
      }
    }
    return false;
  }

  private static boolean used(int[] at, int upTo, int p) {
    for (int k = 0; k < upTo; k++) {
      if (at[k] == p) {
        return true;
      }
    }
    return false;
  }

  /** Whether the NEAR being evaluated compares stems: no quoted phrase on either side. */
  private boolean stemsInNear;

  private Boolean near(QueryNode.Near near) {
    stemsInNear = LuceneCompiler.nearStems(near);
    Boolean result = null;
    for (TextField f : List.of(TextField.TITLE, TextField.BODY)) {
      List<Span> left = operandSpans(near.left(), f);
      List<Span> right = operandSpans(near.right(), f);
      if (left == null && right == null) {
        continue;
      }
      boolean hit;
      if (left == null || right == null) {
        // A side with no term drops out and the other stands alone.
        hit = !(left == null ? right : left).isEmpty();
      } else {
        hit = within(left, right, near.distance());
      }
      result = (result != null && result) || hit;
    }
    return result;
  }

  /**
   * Occurrences of a NEAR operand in one field: empty when it cannot occur there, null when it has
   * no term at all.
   */
  private List<Span> operandSpans(QueryNode operand, TextField f) {
    if (operand instanceof QueryNode.Or or) {
      List<Span> all = null;
      for (QueryNode c : or.clauses()) {
        List<Span> s = operandSpans(c, f);
        if (s != null) {
          all = all == null ? new ArrayList<>() : all;
          all.addAll(s);
        }
      }
      return all;
    }
    List<Span> s = spans(operand, tokensOf(f), stemsInNear ? stemmer : null);
    if (s != null && !fields(operand).contains(f)) {
      return List.of();
    }
    return s;
  }

  /** Lucene's unordered span near: the window minus both lengths is at most the distance. */
  private static boolean within(List<Span> left, List<Span> right, int distance) {
    for (Span a : left) {
      for (Span b : right) {
        int window = Math.max(a.end(), b.end()) - Math.min(a.start(), b.start());
        if (window - (a.end() - a.start()) - (b.end() - b.start()) <= distance) {
          return true;
        }
      }
    }
    return false;
  }
}
