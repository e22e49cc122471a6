package io.pantau.clean;

import java.util.concurrent.ConcurrentHashMap;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * CSS selectors parsed once. jsoup parses a selector string again on every {@code select} call (a
 * profile of the ingest benchmark had its query parser allocating on every HTML article); parsed
 * evaluators are thread-safe and reusable. Only the cleaner's own constant selectors come here, so
 * the cache stays small.
 */
final class Selectors {
  private static final ConcurrentHashMap<String, Evaluator> PARSED = new ConcurrentHashMap<>();

  private Selectors() {}

  static Evaluator of(String css) {
    return PARSED.computeIfAbsent(css, QueryParser::parse);
  }
}
