package io.pantau.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class QueryFuzzTest {
  static final int INPUTS = 50_000;
  private static final long SEED = 20261127L;

  @Test
  void everyInputParsesAndCompilesOrIsRefusedWithAQueryException() throws Exception {
    RandomQueries inputs = new RandomQueries(SEED);
    List<Reference> references = Corpus.DOCS.stream().map(Reference::new).toList();
    int parsed = 0;
    int refused = 0;
    int compared = 0;
    int selective = 0;
    try (CorpusIndex index = new CorpusIndex(Corpus.DOCS)) {
      for (int i = 0; i < INPUTS; i++) {
        String input = inputs.next();
        QueryNode query;
        try {
          query = QueryParser.parse(input);
        } catch (QueryException e) {
          refused++;
          assertTrue(
              e.position() >= 0 && e.position() <= input.length(),
              "position " + e.position() + " outside " + quoted(input));
          assertTrue(e.getMessage().contains(" at ") || e.getMessage().startsWith("query is"));
          continue;
        } catch (RuntimeException | StackOverflowError e) {
          throw new AssertionError("parser failed on input #" + i + " " + quoted(input), e);
        }
        parsed++;
        try {
          String canonical = query.toString();
          if (canonical.length() <= QueryParser.MAX_LENGTH) {
            assertEquals(query, QueryParser.parse(canonical), "canonical form " + canonical);
          }
          org.apache.lucene.search.Query lucene = LuceneCompiler.compile(query);
          assertNotNull(lucene);
          // Comparing every query would cost minutes; every fifth keeps the run short.
          if (i % 5 == 0) {
            Set<Integer> expected = new TreeSet<>();
            references.stream().filter(r -> r.matches(query)).forEach(r -> expected.add(r.id()));
            Set<Integer> matched = index.search(lucene);
            assertEquals(expected, matched, "results of " + query);
            compared++;
            if (!matched.isEmpty() && matched.size() < Corpus.DOCS.size()) {
              selective++;
            }
          }
        } catch (RuntimeException | AssertionError e) {
          fail("input #" + i + " " + quoted(input) + " parsed as " + query, e);
        }
      }
    }
    System.out.printf(
        "query fuzz (parser, LuceneCompiler): %d inputs, %d parsed, %d refused,"
            + " %d checked against the reference evaluator (%d matching some but not all)%n",
        INPUTS, parsed, refused, compared, selective);
    assertEquals(INPUTS, parsed + refused);
    assertTrue(parsed > INPUTS / 5, "the generator should produce many valid queries: " + parsed);
    assertTrue(refused > INPUTS / 5, "and many invalid ones: " + refused);
    assertTrue(selective > compared / 10, "comparisons must not be all-or-nothing: " + selective);
  }

  static String quoted(String input) {
    StringBuilder out = new StringBuilder("\"");
    input
        .codePoints()
        .forEach(
            c -> {
              if (c < 0x20 || c == '"' || c == '\\' || (c >= 0xD800 && c <= 0xDFFF)) {
                out.append(String.format("\\u%04X", c));
              } else {
                out.appendCodePoint(c);
              }
            });
    return out.append('"').toString();
  }
}
