package io.pantau.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.json.JsonpMapper;
import co.elastic.clients.json.JsonpUtils;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import io.pantau.query.Corpus;
import io.pantau.query.CorpusIndex;
import io.pantau.query.LuceneCompiler;
import io.pantau.query.QueryException;
import io.pantau.query.QueryParser;
import io.pantau.query.RandomQueries;
import jakarta.json.stream.JsonParser;
import java.io.StringReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class QueryCompilerFuzzTest {
  private static final int INPUTS = 50_000;
  private static final long SEED = 20261128L;
  private static final JsonpMapper MAPPER = new JacksonJsonpMapper();

  private static CorpusIndex index;

  @BeforeAll
  static void indexCorpus() {
    index = new CorpusIndex(Corpus.DOCS);
  }

  @AfterAll
  static void closeIndex() throws Exception {
    index.close();
  }

  @Test
  void everyParsedQueryCompilesToJsonTheClientReadsBackAndMatchesLikeLucene() {
    RandomQueries inputs = new RandomQueries(SEED);
    int parsed = 0;
    int refused = 0;
    int deepest = 0;
    int compared = 0;
    for (int i = 0; i < INPUTS; i++) {
      String input = inputs.next();
      io.pantau.query.QueryNode query;
      try {
        query = QueryParser.parse(input);
      } catch (QueryException e) {
        refused++;
        continue;
      }
      parsed++;
      try {
        String json = JsonpUtils.toJsonString(QueryCompiler.compile(query), MAPPER);
        JsonParser parser = MAPPER.jsonProvider().createParser(new StringReader(json));
        Query back = Query._DESERIALIZER.deserialize(parser, MAPPER);
        assertEquals(json, JsonpUtils.toJsonString(back, MAPPER));
        deepest = Math.max(deepest, QueryDepth.of(json));
        // Every fifth query also runs, modelled, over the corpus against the Lucene compilation.
        if (i % 5 == 0) {
          assertEquals(
              index.search(LuceneCompiler.compile(query)),
              index.search(ElasticsearchModel.toLucene(back)),
              "results of " + query);
          compared++;
        }
      } catch (RuntimeException | AssertionError e) {
        fail("input #" + i + " [" + input + "] parsed as " + query, e);
      }
    }
    System.out.printf(
        "query fuzz (QueryCompiler): %d inputs, %d parsed and compiled, %d refused,"
            + " %d compared with LuceneCompiler over the corpus, deepest query nesting %d%n",
        INPUTS, parsed, refused, compared, deepest);
    assertEquals(INPUTS, parsed + refused);
    assertTrue(deepest <= QueryDepth.LIMIT, "nesting " + deepest);
  }
}
