package io.pantau.query;

import java.util.ArrayList;
import java.util.List;

/** Builds AND and OR nodes flat, so that equal meanings print and compile alike. */
final class Builders {
  private Builders() {}

  static Query or(List<Query> clauses) {
    List<Query> flat = new ArrayList<>();
    for (Query c : clauses) {
      if (c instanceof Query.Or or) {
        flat.addAll(or.clauses());
      } else {
        flat.add(c);
      }
    }
    return flat.size() == 1 ? flat.get(0) : new Query.Or(flat);
  }

  static Query and(List<Query> clauses) {
    List<Query> flat = new ArrayList<>();
    for (Query c : clauses) {
      if (c instanceof Query.And and) {
        flat.addAll(and.clauses());
      } else {
        flat.add(c);
      }
    }
    return flat.size() == 1 ? flat.get(0) : new Query.And(flat);
  }

  static Query not(Query clause) {
    return clause instanceof Query.Not not ? not.clause() : new Query.Not(clause);
  }
}
