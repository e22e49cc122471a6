package io.pantau.query;

import java.util.List;
import java.util.stream.Collectors;

/** Printing and shape rules shared by the {@link QueryNode} records. */
final class Canonical {
  private static final int OR = 0;
  private static final int AND = 1;
  private static final int NOT = 2;
  private static final int NEAR = 3;
  private static final int LEAF = 4;

  private Canonical() {}

  static boolean isNearOperand(QueryNode q) {
    if (q instanceof QueryNode.Term) {
      return true;
    }
    if (q instanceof QueryNode.Phrase p) {
      return p.slop() == 0;
    }
    if (q instanceof QueryNode.Or or) {
      return or.clauses().stream().allMatch(Canonical::isNearOperand);
    }
    return false;
  }

  static void collectPositive(QueryNode q, boolean negated, List<QueryNode> out) {
    if (q instanceof QueryNode.Or or) {
      or.clauses().forEach(c -> collectPositive(c, negated, out));
    } else if (q instanceof QueryNode.And and) {
      and.clauses().forEach(c -> collectPositive(c, negated, out));
    } else if (q instanceof QueryNode.Not not) {
      collectPositive(not.clause(), !negated, out);
    } else if (q instanceof QueryNode.Near near) {
      collectPositive(near.left(), negated, out);
      collectPositive(near.right(), negated, out);
    } else if (!(q instanceof QueryNode.MatchAll) && !negated) {
      out.add(q);
    }
  }

  static String print(QueryNode q) {
    if (q instanceof QueryNode.Or or) {
      return join(or.clauses(), " OR ", AND);
    }
    if (q instanceof QueryNode.And and) {
      return join(and.clauses(), " AND ", NOT);
    }
    if (q instanceof QueryNode.Not not) {
      return "NOT " + operand(not.clause(), NEAR);
    }
    if (q instanceof QueryNode.Near near) {
      return operand(near.left(), LEAF)
          + " NEAR/"
          + near.distance()
          + " "
          + operand(near.right(), LEAF);
    }
    if (q instanceof QueryNode.Term t) {
      return fieldPrefix(t.field()) + t.word() + (t.prefix() ? "*" : "");
    }
    if (q instanceof QueryNode.Phrase p) {
      return fieldPrefix(p.field())
          + '"'
          + String.join(" ", p.words())
          + '"'
          + (p.slop() > 0 ? "~" + p.slop() : "");
    }
    if (q instanceof QueryNode.FieldValue v) {
      return v.field().queryName() + ':' + (v.prefix() ? v.value() + "*" : '"' + v.value() + '"');
    }
    return "";
  }

  private static String join(List<QueryNode> clauses, String separator, int minLevel) {
    return clauses.stream().map(c -> operand(c, minLevel)).collect(Collectors.joining(separator));
  }

  private static String operand(QueryNode q, int minLevel) {
    String text = print(q);
    return level(q) < minLevel ? "(" + text + ")" : text;
  }

  private static int level(QueryNode q) {
    if (q instanceof QueryNode.Or) {
      return OR;
    }
    if (q instanceof QueryNode.And) {
      return AND;
    }
    if (q instanceof QueryNode.Not) {
      return NOT;
    }
    return q instanceof QueryNode.Near ? NEAR : LEAF;
  }

  private static String fieldPrefix(TextField field) {
    return field == TextField.ANY ? "" : field.queryName() + ":";
  }
}
