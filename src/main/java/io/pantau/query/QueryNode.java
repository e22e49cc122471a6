package io.pantau.query;

import java.util.ArrayList;
import java.util.List;

/**
 * A parsed Pantau query. Words are kept as the user wrote them; folding happens when a compiler
 * turns the tree into an index query, so error messages and highlighting can quote the original.
 *
 * <p>{@link #toString()} prints a canonical form that parses back to an equal tree.
 */
public sealed interface QueryNode
    permits QueryNode.MatchAll,
        QueryNode.Or,
        QueryNode.And,
        QueryNode.Not,
        QueryNode.Near,
        QueryNode.Term,
        QueryNode.Phrase,
        QueryNode.FieldValue {

  /**
   * The words, phrases and field values whose presence makes a document match, that is every leaf
   * not under a negation; what a highlighter shows as the reason for a match.
   */
  default List<QueryNode> positiveClauses() {
    List<QueryNode> out = new ArrayList<>();
    Canonical.collectPositive(this, false, out);
    return List.copyOf(out);
  }

  /** Every document; what an empty query means. */
  record MatchAll() implements QueryNode {
    @Override
    public String toString() {
      return "";
    }
  }

  /** At least one clause matches. */
  record Or(List<QueryNode> clauses) implements QueryNode {
    public Or {
      clauses = List.copyOf(clauses);
      if (clauses.size() < 2) {
        throw new IllegalArgumentException("OR needs two clauses or more");
      }
    }

    @Override
    public String toString() {
      return Canonical.print(this);
    }
  }

  /** Every clause matches. */
  record And(List<QueryNode> clauses) implements QueryNode {
    public And {
      clauses = List.copyOf(clauses);
      if (clauses.size() < 2) {
        throw new IllegalArgumentException("AND needs two clauses or more");
      }
    }

    /** The clauses a match must meet: those not under a NOT. */
    public List<QueryNode> required() {
      return clauses.stream().filter(c -> !(c instanceof Not)).toList();
    }

    /** What a match must not meet: the clause of each NOT. */
    public List<QueryNode> excluded() {
      return clauses.stream().filter(c -> c instanceof Not).map(c -> ((Not) c).clause()).toList();
    }

    @Override
    public String toString() {
      return Canonical.print(this);
    }
  }

  /** Documents the clause does not match; alone, everything except those. */
  record Not(QueryNode clause) implements QueryNode {
    public Not {
      if (clause == null) {
        throw new IllegalArgumentException("NOT needs a clause");
      }
    }

    @Override
    public String toString() {
      return Canonical.print(this);
    }
  }

  /**
   * Both sides occur in the same text field with at most {@code distance} words between them, in
   * either order. Each side is a text word, prefix, phrase without slop, or an {@link Or} of them.
   */
  record Near(QueryNode left, QueryNode right, int distance) implements QueryNode {
    public Near {
      if (!Canonical.isNearOperand(left) || !Canonical.isNearOperand(right)) {
        throw new IllegalArgumentException("NEAR takes words, phrases and OR groups of them");
      }
      if (distance < 0) {
        throw new IllegalArgumentException("NEAR distance must not be negative");
      }
    }

    @Override
    public String toString() {
      return Canonical.print(this);
    }
  }

  /**
   * One word as written, searched in analysed text; with {@code prefix}, any word starting with it.
   */
  record Term(TextField field, String word, boolean prefix) implements QueryNode {
    public Term {
      if (field == null || word == null || word.isEmpty()) {
        throw new IllegalArgumentException("a term needs a field and a word");
      }
    }

    @Override
    public String toString() {
      return Canonical.print(this);
    }
  }

  /** Words in this order, with up to {@code slop} moves allowed (Lucene's sloppy phrase). */
  record Phrase(TextField field, List<String> words, int slop) implements QueryNode {
    public Phrase {
      words = List.copyOf(words);
      if (field == null || words.isEmpty() || slop < 0) {
        throw new IllegalArgumentException("a phrase needs a field, words and a slop >= 0");
      }
    }

    @Override
    public String toString() {
      return Canonical.print(this);
    }
  }

  /**
   * A whole stored value of an exact field, case-insensitive (not accent-folded); with {@code
   * prefix}, any value starting with it.
   */
  record FieldValue(ExactField field, String value, boolean prefix) implements QueryNode {
    public FieldValue {
      if (field == null || value == null || value.isEmpty()) {
        throw new IllegalArgumentException("a field value needs a field and a value");
      }
    }

    @Override
    public String toString() {
      return Canonical.print(this);
    }
  }
}
