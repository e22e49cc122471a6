package io.pantau.query;

import java.util.List;
import java.util.stream.Collectors;

/** Printing and shape rules shared by the {@link Query} records. */
final class Canonical {
  private static final int OR = 0;
  private static final int AND = 1;
  private static final int NOT = 2;
  private static final int NEAR = 3;
  private static final int LEAF = 4;

  private Canonical() {}

  static boolean isNearOperand(Query q) {
    if (q instanceof Query.Term) {
      return true;
    }
    if (q instanceof Query.Phrase p) {
      return p.slop() == 0;
    }
    if (q instanceof Query.Or or) {
      return or.clauses().stream().allMatch(Canonical::isNearOperand);
    }
    return false;
  }

  static void collectPositive(Query q, boolean negated, List<Query> out) {
    if (q instanceof Query.Or or) {
      or.clauses().forEach(c -> collectPositive(c, negated, out));
    } else if (q instanceof Query.And and) {
      and.clauses().forEach(c -> collectPositive(c, negated, out));
    } else if (q instanceof Query.Not not) {
      collectPositive(not.clause(), !negated, out);
    } else if (q instanceof Query.Near near) {
      collectPositive(near.left(), negated, out);
      collectPositive(near.right(), negated, out);
    } else if (!(q instanceof Query.MatchAll) && !negated) {
      out.add(q);
    }
  }

  static String print(Query q) {
    if (q instanceof Query.Or or) {
      return join(or.clauses(), " OR ", AND);
    }
    if (q instanceof Query.And and) {
      return join(and.clauses(), " AND ", NOT);
    }
    if (q instanceof Query.Not not) {
      return "NOT " + operand(not.clause(), NEAR);
    }
    if (q instanceof Query.Near near) {
      return operand(near.left(), LEAF)
          + " NEAR/"
          + near.distance()
          + " "
          + operand(near.right(), LEAF);
    }
    if (q instanceof Query.Term t) {
      return fieldPrefix(t.field()) + t.word() + (t.prefix() ? "*" : "");
    }
    if (q instanceof Query.Phrase p) {
      return fieldPrefix(p.field())
          + '"'
          + String.join(" ", p.words())
          + '"'
          + (p.slop() > 0 ? "~" + p.slop() : "");
    }
    if (q instanceof Query.FieldValue v) {
      return v.field().queryName() + ':' + (v.prefix() ? v.value() + "*" : '"' + v.value() + '"');
    }
    return "";
  }

  private static String join(List<Query> clauses, String separator, int minLevel) {
    return clauses.stream().map(c -> operand(c, minLevel)).collect(Collectors.joining(separator));
  }

  private static String operand(Query q, int minLevel) {
    String text = print(q);
    return level(q) < minLevel ? "(" + text + ")" : text;
  }

  private static int level(Query q) {
    if (q instanceof Query.Or) {
      return OR;
    }
    if (q instanceof Query.And) {
      return AND;
    }
    if (q instanceof Query.Not) {
      return NOT;
    }
    return q instanceof Query.Near ? NEAR : LEAF;
  }

  private static String fieldPrefix(TextField field) {
    return field == TextField.ANY ? "" : field.queryName() + ":";
  }
}
