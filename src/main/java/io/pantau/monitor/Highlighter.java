package io.pantau.monitor;

import io.pantau.query.QueryNode;
import io.pantau.query.QueryText;
import io.pantau.query.TextField;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds which of a matched query's positive clauses the document holds, and where. Built once per
 * stored query: each clause, restricted to each field it may match in, is compiled then, so that a
 * match costs only the checks.
 */
public final class Highlighter {
  /**
   * One positive clause in one field; null {@code compiled} when it cannot be checked alone; {@code
   * leaf} the clause restricted to the field, for finding its inflections.
   */
  private record Probe(String clause, String field, QueryNode leaf, CompiledQuery compiled) {}

  private final List<Probe> probes = new ArrayList<>();

  private Highlighter(QueryNode query) {
    for (QueryNode leaf : query.positiveClauses()) {
      probes(leaf).forEach((field, probe) -> probes.add(probe(leaf.toString(), field, probe)));
    }
  }

  public static Highlighter of(QueryNode query) {
    return new Highlighter(query);
  }

  private static Probe probe(String clause, String field, QueryNode probe) {
    try {
      return new Probe(clause, field, probe, CompiledQuery.compile(probe));
    } catch (RuntimeException e) {
      return new Probe(clause, field, probe, null);
    }
  }

  /** The clauses the document holds, each with the fields it is found in. */
  public List<Highlight> highlights(MonitorDocument doc) {
    Map<String, List<String>> found = new LinkedHashMap<>();
    Map<String, Set<String>> inflections = new LinkedHashMap<>();
    for (Probe p : probes) {
      try {
        if (p.compiled() != null && p.compiled().matches(doc)) {
          found.computeIfAbsent(p.clause(), k -> new ArrayList<>()).add(p.field());
          if (p.leaf() instanceof QueryNode.Term) {
            String text = "title".equals(p.field()) ? doc.titleText() : doc.bodyText();
            inflections
                .computeIfAbsent(p.clause(), k -> new TreeSet<>())
                .addAll(QueryText.inflectedWords(p.leaf(), doc.article().lang(), text));
          }
        }
      } catch (Exception e) {
        // A clause that cannot be checked alone is simply not shown as a reason.
      }
    }
    List<Highlight> out = new ArrayList<>();
    found.forEach(
        (text, fields) ->
            out.add(
                new Highlight(
                    text, fields, List.copyOf(inflections.getOrDefault(text, Set.of())))));
    return out;
  }

  /** The leaf restricted to each field it may match in, by field name. */
  private static Map<String, QueryNode> probes(QueryNode leaf) {
    Map<String, QueryNode> m = new LinkedHashMap<>();
    if (leaf instanceof QueryNode.Term t && t.field() == TextField.ANY) {
      m.put("title", new QueryNode.Term(TextField.TITLE, t.word(), t.prefix()));
      m.put("body", new QueryNode.Term(TextField.BODY, t.word(), t.prefix()));
    } else if (leaf instanceof QueryNode.Phrase p && p.field() == TextField.ANY) {
      m.put("title", new QueryNode.Phrase(TextField.TITLE, p.words(), p.slop()));
      m.put("body", new QueryNode.Phrase(TextField.BODY, p.words(), p.slop()));
    } else if (leaf instanceof QueryNode.Term t) {
      m.put(t.field().queryName(), leaf);
    } else if (leaf instanceof QueryNode.Phrase p) {
      m.put(p.field().queryName(), leaf);
    } else if (leaf instanceof QueryNode.FieldValue v) {
      m.put(v.field().queryName(), leaf);
    }
    return m;
  }
}
