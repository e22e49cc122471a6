package io.pantau.query;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LuceneCompilerTest {
  private static CorpusIndex index;

  @BeforeAll
  static void indexCorpus() {
    index = new CorpusIndex(Corpus.DOCS);
  }

  @AfterAll
  static void closeIndex() throws Exception {
    index.close();
  }

  static Stream<Arguments> handCounted() {
    return CorpusQueries.HAND_COUNTED.entrySet().stream()
        .map(e -> Arguments.of(e.getKey(), e.getValue()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("handCounted")
  void luceneMatchesTheDocumentsCountedByHand(String query, Set<Integer> expected) {
    QueryNode parsed = QueryParser.parse(query);
    assertEquals(expected, index.search(LuceneCompiler.compile(parsed)), "Lucene");
    assertEquals(expected, reference(parsed), "reference evaluator");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("allQueries")
  void luceneMatchesTheReferenceEvaluator(String query) {
    QueryNode parsed = QueryParser.parse(query);
    assertEquals(reference(parsed), index.search(LuceneCompiler.compile(parsed)));
  }

  static Stream<String> allQueries() {
    return CorpusQueries.all().stream();
  }

  static Set<Integer> reference(QueryNode query) {
    return Corpus.DOCS.stream()
        .filter(d -> new Reference(d).matches(query))
        .map(Corpus.Doc::id)
        .collect(Collectors.toCollection(TreeSet::new));
  }
}
