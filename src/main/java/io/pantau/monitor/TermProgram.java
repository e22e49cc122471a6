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
import java.util.Map;

/**
 * A stored query as a flat program of ints, with the meaning {@link CompiledQuery} (and so {@link
 * LuceneCompiler}) gives it. Its single words and exact field values are ids of a shared {@link
 * TermIds}, tested against the document's {@link Marks}: one array read each. What needs the terms'
 * positions or an ordered scan (phrases, prefixes, NEAR, field prefixes, unusual text) is a call of
 * that clause's {@link CompiledQuery}.
 *
 * <p>With 100,000 stored queries, a document runs a couple of thousand of them; run as a tree of
 * objects, strings and hash maps spread over the heap, each cost several cache misses. A program is
 * one array, and the document's marks stay in cache.
 *
 * <p>Layout: every node starts with its opcode and its length in ints, so a parent can step over a
 * child it does not need to run. {@code WORD fields id}, {@code CALL index}, {@code TRUE}, {@code
 * OR count children...}, {@code AND must mustNot children...}.
 */
final class TermProgram {
  private static final int WORD = 0;
  private static final int CALL = 1;
  private static final int TRUE = 2;
  private static final int OR = 3;
  private static final int AND = 4;

  /** Field bits of a mark. */
  static final int TITLE = 1;

  static final int BODY = 2;
  static final int EXACT = 4;
  private static final int FIELD_BITS = 3;

  private final int[] code;
  private final CompiledQuery[] calls;

  private TermProgram(int[] code, CompiledQuery[] calls) {
    this.code = code;
    this.calls = calls;
  }

  /** Compiles a query, giving its words and values ids in {@code ids}. */
  static TermProgram compile(QueryNode query, TermIds ids) {
    Builder b = new Builder(ids);
    Node root = b.node(QueryText.searchable(query));
    int[] code = new int[root.length()];
    root.write(code, 0);
    return new TermProgram(code, b.calls.toArray(CompiledQuery[]::new));
  }

  boolean matches(Marks marks) throws IOException {
    return run(0, marks);
  }

  /** How many of the program's clauses are calls: for tests. */
  int calls() {
    return calls.length;
  }

  private boolean run(int at, Marks m) throws IOException {
    switch (code[at]) {
      case WORD:
        return m.has(code[at + 3], code[at + 2]);
      case CALL:
        return calls[code[at + 2]].matches(m.doc);
      case TRUE:
        return true;
      case OR:
        {
          int n = code[at + 2];
          int child = at + 3;
          for (int i = 0; i < n; i++) {
            if (run(child, m)) {
              return true;
            }
            child += code[child + 1];
          }
          return false;
        }
      case AND:
        {
          int must = code[at + 2];
          int not = code[at + 3];
          int child = at + 4;
          for (int i = 0; i < must; i++) {
            if (!run(child, m)) {
              return false;
            }
            child += code[child + 1];
          }
          for (int i = 0; i < not; i++) {
            if (run(child, m)) {
              return false;
            }
            child += code[child + 1];
          }
          return true;
        }
      default:
        throw new IllegalStateException("bad opcode " + code[at]);
    }
  }

  /**
   * Which ids one document holds, and in which fields. Marking walks all of the document's words
   * once, which pays when many queries run on it; with few, each word test looks its word up in the
   * document's own term maps instead ({@link #prepare}). The marks array is a thread's, reused
   * across documents, each document marking with a new stamp so nothing is cleared between them.
   * Not thread-safe.
   */
  static final class Marks {
    /** From how many candidate queries on, a document's words are marked. */
    static final int MARK_FROM = 256;

    private int[] marks = new int[0];
    private int stamp;
    private boolean marked;
    private MonitorDocument doc;
    private TermIds ids;

    /** Readies the marks for a document that {@code candidates} queries will run on. */
    void prepare(MonitorDocument doc, TermIds ids, int candidates) {
      if (candidates >= MARK_FROM) {
        mark(doc, ids);
      } else {
        this.doc = doc;
        this.ids = ids;
        this.marked = false;
      }
    }

    /** Marks the document's words (title and body) and exact values that have ids. */
    void mark(MonitorDocument doc, TermIds ids) {
      this.doc = doc;
      this.ids = ids;
      this.marked = true;
      int size = ids.size();
      if (marks.length < size) {
        marks = new int[Math.max(size + size / 4, 1024)];
        stamp = 0;
      }
      if (++stamp >= 1 << (31 - FIELD_BITS)) {
        Arrays.fill(marks, 0);
        stamp = 1;
      }
      markAll(doc.title().terms(), ids, TITLE);
      markAll(doc.body().terms(), ids, BODY);
      for (Map.Entry<String, List<String>> e : doc.exactValues().entrySet()) {
        for (String v : e.getValue()) {
          set(ids.findExact(e.getKey(), v), EXACT);
        }
      }
    }

    private void markAll(Iterable<String> terms, TermIds ids, int field) {
      for (String t : terms) {
        set(ids.findWord(t), field);
      }
    }

    /** Ids handed out after the marks were sized belong to queries not yet stored: skipped. */
    private void set(int id, int field) {
      if (id < 0 || id >= marks.length) {
        return;
      }
      int m = marks[id];
      marks[id] = (m >>> FIELD_BITS) == stamp ? m | field : (stamp << FIELD_BITS) | field;
    }

    boolean has(int id, int fields) {
      if (!marked) {
        return lookUp(id, fields);
      }
      int m = marks[id];
      return (m >>> FIELD_BITS) == stamp && (m & fields) != 0;
    }

    private boolean lookUp(int id, int fields) {
      Object key = ids.key(id);
      if (key instanceof TermIds.Exact e) {
        return doc.exact(e.field()).contains(e.value());
      }
      String word = (String) key;
      return ((fields & TITLE) != 0 && doc.title().has(word))
          || ((fields & BODY) != 0 && doc.body().has(word));
    }
  }

  /** A node before layout. */
  private interface Node {
    int length();

    /** Writes the node at {@code at}; returns the index after it. */
    int write(int[] code, int at);

    /** 0 for array reads, 1 for a call on the term maps, 2 for a call that may need Lucene. */
    int cost();
  }

  private record Leaf(int[] ints, int cost) implements Node {
    @Override
    public int length() {
      return ints.length;
    }

    @Override
    public int write(int[] code, int at) {
      System.arraycopy(ints, 0, code, at, ints.length);
      return at + ints.length;
    }
  }

  private record Branch(int op, int[] counts, List<Node> children, int cost) implements Node {
    @Override
    public int length() {
      return 2 + counts.length + children.stream().mapToInt(Node::length).sum();
    }

    @Override
    public int write(int[] code, int at) {
      code[at] = op;
      code[at + 1] = length();
      System.arraycopy(counts, 0, code, at + 2, counts.length);
      int next = at + 2 + counts.length;
      for (Node c : children) {
        next = c.write(code, next);
      }
      return next;
    }
  }

  private static final class Builder {
    final TermIds ids;
    final List<CompiledQuery> calls = new ArrayList<>();

    Builder(TermIds ids) {
      this.ids = ids;
    }

    Node node(QueryNode q) {
      if (q instanceof QueryNode.MatchAll) {
        return new Leaf(new int[] {TRUE, 2}, 0);
      }
      if (q instanceof QueryNode.Or or) {
        List<Node> children = sorted(or.clauses().stream().map(this::node).toList());
        return new Branch(OR, new int[] {children.size()}, children, maxCost(children));
      }
      if (q instanceof QueryNode.And and) {
        return and(
            sorted(and.required().stream().map(this::node).toList()),
            sorted(and.excluded().stream().map(this::node).toList()));
      }
      if (q instanceof QueryNode.Not not) {
        return and(List.of(), List.of(node(not.clause())));
      }
      if (q instanceof QueryNode.FieldValue v && !v.prefix()) {
        String value = QueryText.exact(v.value());
        if (!CompiledQuery.unusual(value)) {
          return word(EXACT, ids.exact(LuceneCompiler.fieldName(v.field()), value));
        }
      }
      TextField field =
          q instanceof QueryNode.Term t && !t.prefix()
              ? t.field()
              : q instanceof QueryNode.Phrase p ? p.field() : null;
      if (field != null) {
        // A phrase of one word, whatever its slop, is that word (as in CompiledQuery).
        List<String> terms = QueryText.analyze(LuceneCompiler.words(q)).terms();
        if (terms.size() == 1 && !CompiledQuery.unusual(terms.get(0))) {
          if (q instanceof QueryNode.Term t) {
            // A bare word: the word itself, or its stem in the document's language.
            List<Node> keys = new ArrayList<>();
            for (String key : CompiledQuery.wordKeys(t.word(), terms.get(0))) {
              keys.add(word(fields(field), ids.word(key)));
            }
            return new Branch(OR, new int[] {keys.size()}, keys, 0);
          }
          return word(fields(field), ids.word(terms.get(0)));
        }
      }
      CompiledQuery c = CompiledQuery.compile(q);
      calls.add(c);
      return new Leaf(new int[] {CALL, 3, calls.size() - 1}, c.needsIndex() ? 2 : 1);
    }

    private static Node word(int fields, int id) {
      return new Leaf(new int[] {WORD, 4, fields, id}, 0);
    }

    private static Node and(List<Node> must, List<Node> not) {
      List<Node> children = new ArrayList<>(must);
      children.addAll(not);
      return new Branch(AND, new int[] {must.size(), not.size()}, children, maxCost(children));
    }

    /** Cheapest first: an AND stops at its first failing clause, an OR at its first match. */
    private static List<Node> sorted(List<Node> nodes) {
      return nodes.stream().sorted(Comparator.comparingInt(Node::cost)).toList();
    }

    private static int maxCost(List<Node> nodes) {
      return nodes.stream().mapToInt(Node::cost).max().orElse(0);
    }

    private static int fields(TextField field) {
      return switch (field) {
        case ANY -> TITLE | BODY;
        case TITLE -> TITLE;
        case BODY -> BODY;
      };
    }
  }
}
