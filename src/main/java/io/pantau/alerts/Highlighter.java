package io.pantau.alerts;

import io.pantau.query.Query;
import io.pantau.query.TextField;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Finds which of a matched query's positive clauses the document holds, and where. */
final class Highlighter {
  private Highlighter() {}

  static List<Highlight> highlights(Query query, MonitorDocument doc) {
    Map<String, List<String>> found = new LinkedHashMap<>();
    for (Query leaf : query.positiveClauses()) {
      for (Map.Entry<String, Query> probe : probes(leaf).entrySet()) {
        try {
          if (CompiledQuery.compile(probe.getValue()).matches(doc)) {
            found.computeIfAbsent(leaf.toString(), k -> new ArrayList<>()).add(probe.getKey());
          }
        } catch (Exception e) {
          // A clause that cannot be checked alone is simply not shown as a reason.
        }
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
