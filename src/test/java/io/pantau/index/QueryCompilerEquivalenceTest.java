package io.pantau.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pantau.query.Corpus;
import io.pantau.query.CorpusIndex;
import io.pantau.query.CorpusQueries;
import io.pantau.query.LuceneCompiler;
import io.pantau.query.QueryNode;
import io.pantau.query.QueryParser;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Elasticsearch compilation, run through {@link ElasticsearchModel}, matches the same corpus
 * articles as the Lucene compilation used for alerts.
 */
class QueryCompilerEquivalenceTest {
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

  static Stream<String> allQueries() {
    return CorpusQueries.all().stream();
  }

  static Set<Integer> viaElasticsearch(QueryNode query) {
    return index.search(ElasticsearchModel.toLucene(QueryCompiler.compile(query)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("handCounted")
  void elasticsearchMatchesTheDocumentsCountedByHand(String query, Set<Integer> expected) {
    assertEquals(expected, viaElasticsearch(QueryParser.parse(query)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("allQueries")
  void elasticsearchMatchesWhatLuceneMatches(String query) {
    QueryNode parsed = QueryParser.parse(query);
    assertEquals(index.search(LuceneCompiler.compile(parsed)), viaElasticsearch(parsed));
  }
}
