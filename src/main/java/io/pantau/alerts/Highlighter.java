package io.pantau.alerts;

import io.pantau.query.Query;
import io.pantau.query.TextField;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds which of a matched query's positive clauses the document holds, and where. Built once per
 * stored query: each clause, restricted to each field it may match in, is compiled then, so that a
 * match costs only the checks.
 */
final class Highlighter {
  /** One positive clause in one field; null {@code compiled} when it cannot be checked alone. */
  private record Probe(String clause, String field, CompiledQuery compiled) {}

  private final List<Probe> probes = new ArrayList<>();

  private Highlighter(Query query) {
    for (Query leaf : query.positiveClauses()) {
      probes(leaf).forEach((field, probe) -> probes.add(probe(leaf.toString(), field, probe)));
    }
  }

  static Highlighter of(Query query) {
    return new Highlighter(query);
  }

  private static Probe probe(String clause, String field, Query probe) {
    try {
      return new Probe(clause, field, CompiledQuery.compile(probe));
    } catch (RuntimeException e) {
      return new Probe(clause, field, null);
    }
  }

  /** The clauses the document holds, each with the fields it is found in. */
  List<Highlight> highlights(MonitorDocument doc) {
    Map<String, List<String>> found = new LinkedHashMap<>();
    for (Probe p : probes) {
      try {
        if (p.compiled() != null && p.compiled().matches(doc)) {
          found.computeIfAbsent(p.clause(), k -> new ArrayList<>()).add(p.field());
        }
      } catch (Exception e) {
        // A clause that cannot be checked alone is simply not shown as a reason.
      }
    }
    List<Highlight> out = new ArrayList<>();
    found.forEach((text, fields) -> out.add(new Highlight(text, fields)));
    return out;
  }

  /** The leaf restricted to each field it may match in, by field name. */
  private static Map<String, Query> probes(Query leaf) {
    Map<String, Query> m = new LinkedHashMap<>();
    if (leaf instanceof Query.Term t && t.field() == TextField.ANY) {
      m.put("title", new Query.Term(TextField.TITLE, t.word(), t.prefix()));
      m.put("body", new Query.Term(TextField.BODY, t.word(), t.prefix()));
    } else if (leaf instanceof Query.Phrase p && p.field() == TextField.ANY) {
      m.put("title", new Query.Phrase(TextField.TITLE, p.words(), p.slop()));
      m.put("body", new Query.Phrase(TextField.BODY, p.words(), p.slop()));
    } else if (leaf instanceof Query.Term t) {
      m.put(t.field().queryName(), leaf);
    } else if (leaf instanceof Query.Phrase p) {
      m.put(p.field().queryName(), leaf);
    } else if (leaf instanceof Query.FieldValue v) {
      m.put(v.field().queryName(), leaf);
    }
    return m;
  }
}
