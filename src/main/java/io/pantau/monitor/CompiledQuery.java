package io.pantau.monitor;

import io.pantau.query.LuceneCompiler;
import io.pantau.query.QueryNode;
import io.pantau.query.QueryText;
import io.pantau.query.TextField;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * A stored query compiled to a boolean evaluator over a {@link MonitorDocument}'s terms, with the
 * meaning {@link LuceneCompiler} gives it: words, prefixes, exact phrases and field values are
 * answered from the document's term maps; NEAR from the terms' positions where they decide it
 * (always for one word on each side), else on the document's one-document Lucene index, as sloppy
 * phrases are once every word they need is there. AND clauses run cheapest first and stop at the
 * first that fails. {@link TermProgram} runs the same meaning from a flat program and calls this
 * for what needs positions.
 */
final class CompiledQuery {
  /** One node of the evaluator. */
  private interface Node {
    boolean matches(MonitorDocument doc) throws IOException;

    /** 0 when answered from the term maps, 1 when it may need the Lucene index. */
    default int cost() {
      return 0;
    }
  }

  private static final int TITLE = 1;
  private static final int BODY = 2;

  private final Node root;
  private final boolean needsIndex;

  private CompiledQuery(Node root) {
    this.root = root;
    this.needsIndex = root.cost() > 0;
  }

  /** Compiles a query; the tree is pruned as {@link LuceneCompiler#compile} prunes it. */
  static CompiledQuery compile(QueryNode query) {
    return new CompiledQuery(node(QueryText.searchable(query)));
  }

  boolean matches(MonitorDocument doc) throws IOException {
    return root.matches(doc);
  }

  /** Whether some clause may need the one-document Lucene index. */
  boolean needsIndex() {
    return needsIndex;
  }

  private static Node node(QueryNode q) {
    if (q instanceof QueryNode.MatchAll) {
      return doc -> true;
    }
    if (q instanceof QueryNode.Or or) {
      return or(or.clauses().stream().map(CompiledQuery::node).toList());
    }
    if (q instanceof QueryNode.And and) {
      return and(
          and.required().stream().map(CompiledQuery::node).toList(),
          and.excluded().stream().map(CompiledQuery::node).toList());
    }
    if (q instanceof QueryNode.Not not) {
      return and(List.of(), List.of(node(not.clause())));
    }
    if (q instanceof QueryNode.Near near) {
      return near(near);
    }
    if (q instanceof QueryNode.FieldValue v) {
      String field = LuceneCompiler.fieldName(v.field());
      String value = QueryText.exact(v.value());
      if (unusual(value)) {
        return lucene(q, null);
      }
      return v.prefix()
          ? doc -> doc.exact(field).stream().anyMatch(x -> x.startsWith(value))
          : doc -> doc.exact(field).contains(value);
    }
    int fields = fields(q);
    if (q instanceof QueryNode.Term t && t.prefix()) {
      String prefix = QueryText.prefix(t.word());
      if (unusual(prefix)) {
        return lucene(q, null);
      }
      String[] prefixes = prefixKeys(prefix, true);
      return doc -> inFields(doc, fields, f -> hasAnyPrefix(f, prefixes));
    }
    QueryText.Analyzed analyzed = QueryText.analyze(LuceneCompiler.words(q));
    String[] terms = analyzed.terms().toArray(String[]::new);
    if (Arrays.stream(terms).anyMatch(CompiledQuery::unusual)) {
      return lucene(q, null);
    }
    if (terms.length == 1) {
      if (q instanceof QueryNode.Term t) {
        String[] keys = wordKeys(t.word(), terms[0]);
        return doc -> inFields(doc, fields, f -> hasAny(f, keys));
      }
      String term = terms[0];
      return doc -> inFields(doc, fields, f -> f.has(term));
    }
    if (q instanceof QueryNode.Phrase p && p.slop() > 0) {
      return lucene(q, bagOf(terms, fields));
    }
    int[] offsets = analyzed.positions().stream().mapToInt(Integer::intValue).toArray();
    return doc -> inFields(doc, fields, f -> exactPhrase(f, terms, offsets));
  }

  /**
   * Text that string comparison and Lucene's UTF-8 terms might judge differently (surrogates, the
   * replacement character): left to Lucene.
   */
  static boolean unusual(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isSurrogate(c) || c == '\uFFFD') {
        return true;
      }
    }
    return false;
  }

  /**
   * What a bare word of one token is looked up as in the term maps: the token itself, then its stem
   * key under each stemmer (a document holds the stem keys of its own language only).
   */
  static String[] wordKeys(String word, String token) {
    List<String> keys = new ArrayList<>();
    keys.add(token);
    QueryText.stems(word)
        .forEach((stemmer, stem) -> keys.add(MonitorDocument.stemKey(stemmer, stem)));
    return keys.toArray(String[]::new);
  }

  /** A prefix as written, and (with {@code stems}) the same prefix among each stemmer's stems. */
  private static String[] prefixKeys(String prefix, boolean stems) {
    List<String> keys = new ArrayList<>();
    keys.add(prefix);
    if (stems) {
      QueryText.STEMMERS.forEach(stemmer -> keys.add(MonitorDocument.stemKey(stemmer, prefix)));
    }
    return keys.toArray(String[]::new);
  }

  private static boolean hasAny(MonitorDocument.FieldTerms f, String[] keys) {
    for (String k : keys) {
      if (f.has(k)) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasAnyPrefix(MonitorDocument.FieldTerms f, String[] prefixes) {
    for (String p : prefixes) {
      if (f.hasPrefix(p)) {
        return true;
      }
    }
    return false;
  }

  private static int fields(QueryNode leaf) {
    TextField field =
        leaf instanceof QueryNode.Term t ? t.field() : ((QueryNode.Phrase) leaf).field();
    return switch (field) {
      case ANY -> TITLE | BODY;
      case TITLE -> TITLE;
      case BODY -> BODY;
    };
  }

  private interface FieldTest {
    boolean test(MonitorDocument.FieldTerms f);
  }

  private static boolean inFields(MonitorDocument doc, int fields, FieldTest test) {
    return ((fields & TITLE) != 0 && test.test(doc.title()))
        || ((fields & BODY) != 0 && test.test(doc.body()));
  }

  /** Lucene's exact phrase: every term at its offset from one common start. */
  private static boolean exactPhrase(MonitorDocument.FieldTerms f, String[] terms, int[] offsets) {
    int[][] positions = new int[terms.length][];
    for (int i = 0; i < terms.length; i++) {
      positions[i] = f.positions(terms[i]);
      if (positions[i] == null) {
        return false;
      }
    }
    next:
    for (int first : positions[0]) {
      int start = first - offsets[0];
      for (int i = 1; i < terms.length; i++) {
        if (Arrays.binarySearch(positions[i], start + offsets[i]) < 0) {
          continue next;
        }
      }
      return true;
    }
    return false;
  }

  /** What the positions of one field say about a NEAR. */
  private enum Verdict {
    NO,
    YES,
    MAYBE
  }

  /**
   * One alternative of a NEAR operand as {@link LuceneCompiler} spans it: a word (one token) or a
   * phrase (its tokens at consecutive positions), or a prefix (null tokens), in some fields.
   */
  private record Alternative(String[] tokens, String prefix, int fields) {}

  /** More left-right pairs than this are left to Lucene rather than compared one by one. */
  private static final int MAX_PAIRS = 4096;

  /**
   * A NEAR answered from the term positions where they decide it, on the one-document index where
   * they cannot. Lucene matches a NEAR in a field only where some left span and some right span
   * fit: the later end minus the earlier start, less both spans' lengths, at most the distance. No
   * such pair in either field is a sure no. For one word on each side a pair is also a sure yes
   * (Lucene's unordered sweep over two lists of one-position spans meets the closest pair); for
   * phrases, OR groups and prefixes a pair only says that Lucene must look.
   */
  private static Node near(QueryNode.Near near) {
    org.apache.lucene.search.Query compiled = LuceneCompiler.compile(near);
    boolean stems = LuceneCompiler.nearStems(near);
    List<Alternative> left = alternatives(near.left(), stems);
    List<Alternative> right = alternatives(near.right(), stems);
    // One word each side: its surface and stem keys all sit at single positions, and every token
    // of a stemmed document has its stem at the same position, so a fitting pair of any of them
    // means a fitting pair in one Lucene field (surface with surface, or stem with stem).
    boolean wordsOnly = singleWord(near.left()) && singleWord(near.right());
    int distance = near.distance();
    return new Node() {
      @Override
      public boolean matches(MonitorDocument doc) throws IOException {
        boolean maybe = false;
        for (int field : new int[] {TITLE, BODY}) {
          MonitorDocument.FieldTerms f = field == TITLE ? doc.title() : doc.body();
          Verdict v = verdict(f, field, left, right, distance);
          if (v == Verdict.YES && wordsOnly) {
            return true;
          }
          maybe |= v != Verdict.NO;
        }
        return maybe && doc.matches(compiled);
      }

      @Override
      public int cost() {
        return 1;
      }
    };
  }

  private static boolean singleWord(QueryNode operand) {
    return operand instanceof QueryNode.Term t
        && !t.prefix()
        && QueryText.tokens(t.word()).size() == 1;
  }

  /**
   * The alternatives of a NEAR operand: itself, or each clause of its OR group; with {@code stems},
   * a word's stem keys and a prefix's stem prefixes too.
   */
  private static List<Alternative> alternatives(QueryNode operand, boolean stems) {
    List<Alternative> out = new ArrayList<>();
    if (operand instanceof QueryNode.Or or) {
      or.clauses().forEach(c -> out.addAll(alternatives(c, stems)));
      return out;
    }
    if (operand instanceof QueryNode.Term t && t.prefix()) {
      for (String p : prefixKeys(QueryText.prefix(t.word()), stems)) {
        out.add(new Alternative(null, p, fields(operand)));
      }
    } else if (stems && operand instanceof QueryNode.Term t) {
      for (String key : wordKeys(t.word(), QueryText.tokens(t.word()).get(0))) {
        out.add(new Alternative(new String[] {key}, null, fields(operand)));
      }
    } else {
      out.add(
          new Alternative(
              QueryText.tokens(LuceneCompiler.words(operand)).toArray(String[]::new),
              null,
              fields(operand)));
    }
    return out;
  }

  /**
   * YES when a left and a right span fit within the distance in this field, NO when none can; a
   * prefix present, or too many pairs to compare, is MAYBE when both sides are present.
   */
  private static Verdict verdict(
      MonitorDocument.FieldTerms f,
      int field,
      List<Alternative> left,
      List<Alternative> right,
      int distance) {
    List<int[]> ls = new ArrayList<>();
    List<int[]> rs = new ArrayList<>();
    boolean leftPrefix = spans(f, field, left, ls);
    boolean rightPrefix = spans(f, field, right, rs);
    if ((ls.isEmpty() && !leftPrefix) || (rs.isEmpty() && !rightPrefix)) {
      return Verdict.NO;
    }
    if (leftPrefix || rightPrefix || (long) ls.size() * rs.size() > MAX_PAIRS) {
      return Verdict.MAYBE;
    }
    for (int[] l : ls) {
      for (int[] r : rs) {
        int start = Math.min(l[0], r[0]);
        int end = Math.max(l[0] + l[1], r[0] + r[1]);
        if (end - start - l[1] - r[1] <= distance) {
          return Verdict.YES;
        }
      }
    }
    return Verdict.NO;
  }

  /**
   * Adds the spans {start, length} of the alternatives in this field; returns whether a prefix
   * alternative (whose spans are not listed) or an alternative without tokens is present there.
   */
  private static boolean spans(
      MonitorDocument.FieldTerms f, int field, List<Alternative> alternatives, List<int[]> out) {
    boolean prefix = false;
    for (Alternative a : alternatives) {
      if ((a.fields() & field) == 0) {
        continue;
      }
      if (a.tokens() == null) {
        prefix |= f.hasPrefix(a.prefix());
        continue;
      }
      String[] tokens = a.tokens();
      if (tokens.length == 0) {
        prefix = true;
        continue;
      }
      int[] first = f.positions(tokens[0]);
      if (first == null) {
        continue;
      }
      next:
      for (int p : first) {
        for (int i = 1; i < tokens.length; i++) {
          int[] at = f.positions(tokens[i]);
          if (at == null || Arrays.binarySearch(at, p + i) < 0) {
            continue next;
          }
        }
        out.add(new int[] {p, tokens.length});
      }
    }
    return prefix;
  }

  /** Every term present in one of the fields. */
  private static Node bagOf(String[] terms, int fields) {
    return doc ->
        inFields(
            doc,
            fields,
            f -> {
              for (String t : terms) {
                if (!f.has(t)) {
                  return false;
                }
              }
              return true;
            });
  }

  /** The clause compiled by {@link LuceneCompiler}, run when the precheck (if any) passes. */
  private static Node lucene(QueryNode q, Node precheck) {
    org.apache.lucene.search.Query compiled = LuceneCompiler.compile(q);
    return new Node() {
      @Override
      public boolean matches(MonitorDocument doc) throws IOException {
        return (precheck == null || precheck.matches(doc)) && doc.matches(compiled);
      }

      @Override
      public int cost() {
        return 1;
      }
    };
  }

  private static Node or(List<Node> clauses) {
    Node[] sorted =
        clauses.stream().sorted(Comparator.comparingInt(Node::cost)).toArray(Node[]::new);
    int cost = Arrays.stream(sorted).mapToInt(Node::cost).max().orElse(0);
    return new Node() {
      @Override
      public boolean matches(MonitorDocument doc) throws IOException {
        for (Node n : sorted) {
          if (n.matches(doc)) {
            return true;
          }
        }
        return false;
      }

      @Override
      public int cost() {
        return cost;
      }
    };
  }

  private static Node and(List<Node> positive, List<Node> negative) {
    Node[] must =
        positive.stream().sorted(Comparator.comparingInt(Node::cost)).toArray(Node[]::new);
    Node[] mustNot =
        negative.stream().sorted(Comparator.comparingInt(Node::cost)).toArray(Node[]::new);
    int cost =
        Math.max(
            Arrays.stream(must).mapToInt(Node::cost).max().orElse(0),
            Arrays.stream(mustNot).mapToInt(Node::cost).max().orElse(0));
    return new Node() {
      @Override
      public boolean matches(MonitorDocument doc) throws IOException {
        for (Node n : must) {
          if (!n.matches(doc)) {
            return false;
          }
        }
        for (Node n : mustNot) {
          if (n.matches(doc)) {
            return false;
          }
        }
        return true;
      }

      @Override
      public int cost() {
        return cost;
      }
    };
  }
}
