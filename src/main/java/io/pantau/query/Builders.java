package io.pantau.query;

import java.util.ArrayList;
import java.util.List;

/** Builds AND and OR nodes flat, so that equal meanings print and compile alike. */
final class Builders {
  private Builders() {}

  static QueryNode or(List<QueryNode> clauses) {
    List<QueryNode> flat = new ArrayList<>();
    for (QueryNode c : clauses) {
      if (c instanceof QueryNode.Or or) {
        flat.addAll(or.clauses());
      } else {
        flat.add(c);
      }
    }
    return flat.size() == 1 ? flat.get(0) : new QueryNode.Or(flat);
  }

  static QueryNode and(List<QueryNode> clauses) {
    List<QueryNode> flat = new ArrayList<>();
    for (QueryNode c : clauses) {
      if (c instanceof QueryNode.And and) {
        flat.addAll(and.clauses());
      } else {
        flat.add(c);
      }
    }
    return flat.size() == 1 ? flat.get(0) : new QueryNode.And(flat);
  }

  static QueryNode not(QueryNode clause) {
    return clause instanceof QueryNode.Not not ? not.clause() : new QueryNode.Not(clause);
  }
}
