package io.pantau.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.elastic.clients.json.JsonpUtils;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pantau.query.QueryParser;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class QueryCompilerTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> LEAF_QUERIES =
      Set.of("term", "prefix", "match", "match_phrase", "span_term");

  private static JsonNode compiled(String query) throws IOException {
    String json =
        JsonpUtils.toJsonString(
            QueryCompiler.compile(QueryParser.parse(query)), new JacksonJsonpMapper());
    return JSON.readTree(json);
  }

  private static void assertCompiles(String query, String expectedJson) throws IOException {
    assertEquals(JSON.readTree(expectedJson.replace('\'', '"')), compiled(query), query);
  }

  private static String eitherField(String leaf) {
    return "{'bool':{'minimum_should_match':'1','should':["
        + inField(leaf, "title")
        + ","
        + inField(leaf, "body")
        + "]}}";
  }

  /** The leaf with F, Fid and Fen naming the surface field and its two stemmed fields. */
  private static String inField(String leaf, String field) {
    return leaf.replace("Fid", "search.id." + field)
        .replace("Fen", "search.en." + field)
        .replace("F", "search." + field);
  }

  /** A bare word in field F: the word as written, or its stem in each language's stems. */
  private static String wordOrStems(String word, String idStem, String enStem) {
    return "{'bool':{'minimum_should_match':'1','should':["
        + "{'match':{'F':{'query':'"
        + word
        + "'}}},{'term':{'Fid':{'value':'"
        + idStem
        + "'}}},{'term':{'Fen':{'value':'"
        + enStem
        + "'}}}]}}";
  }

  @Test
  void aBareWordIsMatchedFoldedInTitleOrBody() throws IOException {
    assertCompiles("Tōkayev", eitherField(wordOrStems("tokayev", "tokayev", "tokayev")));
  }

  @Test
  void aBareWordAlsoMatchesItsStemInEachLanguage() throws IOException {
    assertCompiles("Kebanjiran", eitherField(wordOrStems("kebanjiran", "banjir", "kebanjiran")));
    assertCompiles("floods", eitherField(wordOrStems("floods", "floods", "flood")));
  }

  @Test
  void aWordTheTokenizerSplitsIsMatchedAsAPhrase() throws IOException {
    assertCompiles(
        "China-Kazakhstan", eitherField("{'match_phrase':{'F':{'query':'china-kazakhstan'}}}"));
  }

  @Test
  void aPrefixIsFoldedAndLookedUpInBothFields() throws IOException {
    assertCompiles(
        "Jók*",
        eitherField(
            "{'bool':{'minimum_should_match':'1','should':[{'prefix':{'F':{'value':'jok'}}},"
                + "{'prefix':{'Fid':{'value':'jok'}}},{'prefix':{'Fen':{'value':'jok'}}}]}}"));
  }

  @Test
  void aPhraseCarriesItsSlopAndCurlyQuotesAreStraightOnes() throws IOException {
    assertCompiles(
        "\u201CPrésident Jokowi\u201D~2",
        eitherField("{'match_phrase':{'F':{'query':'president jokowi','slop':2}}}"));
    assertCompiles(
        "title:\"Bank Indonesia\"", "{'match_phrase':{'search.title':{'query':'bank indonesia'}}}");
  }

  @Test
  void bodyRestrictsAWordToTheBody() throws IOException {
    assertCompiles("body:kerja", inField(wordOrStems("kerja", "kerja", "kerja"), "body"));
  }

  @Test
  void nearIsAnUnorderedSpanNearInEachTextField() throws IOException {
    String spans =
        "{'span_near':{'in_order':false,'slop':3,'clauses':["
            + "{'span_term':{'F':{'value':'jokowi'}}},"
            + "{'span_or':{'clauses':["
            + "{'span_multi':{'match':{'prefix':{'F':{'value':'zel'}}}}},"
            + "{'span_near':{'in_order':true,'slop':0,'clauses':["
            + "{'span_term':{'F':{'value':'xi'}}},{'span_term':{'F':{'value':'jinping'}}}]}}"
            + "]}}]}}";
    assertCompiles("Jokowi NEAR/3 (Zel* OR \"Xi Jinping\")", eitherField(spans));
  }

  @Test
  void nearLeavesOutAFieldWhereOneSideCannotOccur() throws IOException {
    assertCompiles(
        "title:jokowi NEAR/2 \"kyiv\"",
        "{'span_near':{'in_order':false,'slop':2,'clauses':["
            + "{'span_term':{'search.title':{'value':'jokowi'}}},"
            + "{'span_term':{'search.title':{'value':'kyiv'}}}]}}");
  }

  @Test
  void nearOfBareWordsAlsoRunsOverEachLanguagesStems() throws IOException {
    String near = "{'span_near':{'in_order':false,'slop':2,'clauses':[%s,%s]}}";
    String term = "{'span_term':{'%s':{'value':'%s'}}}";
    assertCompiles(
        "title:membanjiri NEAR/2 floods",
        "{'bool':{'minimum_should_match':'1','should':["
            + String.format(
                near,
                String.format(term, "search.title", "membanjiri"),
                String.format(term, "search.title", "floods"))
            + ","
            + String.format(
                near,
                String.format(term, "search.id.title", "banjir"),
                String.format(term, "search.id.title", "floods"))
            + ","
            + String.format(
                near,
                String.format(term, "search.en.title", "membanjiri"),
                String.format(term, "search.en.title", "flood"))
            + "]}}");
  }

  @Test
  void exactFieldsAreLowerCasedButKeepTheirAccents() throws IOException {
    assertCompiles(
        "person:\"Xi Jinping\"", "{'term':{'entities.persons.lc':{'value':'xi jinping'}}}");
    assertCompiles("place:\"São Paulo\"", "{'term':{'entities.places.lc':{'value':'são paulo'}}}");
    assertCompiles("org:KPU", "{'term':{'entities.organizations.lc':{'value':'kpu'}}}");
    assertCompiles("source:Kom*", "{'prefix':{'source.lc':{'value':'kom'}}}");
    assertCompiles("publisher:Tempo", "{'term':{'publisher.lc':{'value':'tempo'}}}");
  }

  @Test
  void keywordLooksInKeywordsAndKeyphrases() throws IOException {
    assertCompiles(
        "keyword:\"Batu Bara\"",
        "{'bool':{'minimum_should_match':'1','should':["
            + "{'term':{'keywords.lc':{'value':'batu bara'}}},"
            + "{'term':{'keyphrases.lc':{'value':'batu bara'}}}]}}");
  }

  @Test
  void langAndStoryHaveNoNormalizerSoTheyMatchCaseInsensitively() throws IOException {
    assertCompiles("lang:EN", "{'term':{'lang':{'value':'en','case_insensitive':true}}}");
    assertCompiles(
        "story:S-Pipe", "{'term':{'storyId':{'value':'s-pipe','case_insensitive':true}}}");
  }

  @Test
  void aLoneNegationMeansEverythingElse() throws IOException {
    assertCompiles(
        "-lang:en",
        "{'bool':{'must':[{'match_all':{}}],'must_not':[{'term':{'lang':{'value':'en','case_insensitive':true}}}]}}");
  }

  @Test
  void andPutsNegatedClausesIntoMustNot() throws IOException {
    assertCompiles(
        "org:kpu lang:id NOT story:x",
        "{'bool':{'must':["
            + "{'term':{'entities.organizations.lc':{'value':'kpu'}}},"
            + "{'term':{'lang':{'value':'id','case_insensitive':true}}}],"
            + "'must_not':[{'term':{'storyId':{'value':'x','case_insensitive':true}}}]}}");
    assertCompiles(
        "-org:a -org:b",
        "{'bool':{'must':[{'match_all':{}}],'must_not':["
            + "{'term':{'entities.organizations.lc':{'value':'a'}}},"
            + "{'term':{'entities.organizations.lc':{'value':'b'}}}]}}");
  }

  @Test
  void orNeedsOneOfItsClauses() throws IOException {
    assertCompiles(
        "org:a OR -org:b",
        "{'bool':{'minimum_should_match':'1','should':["
            + "{'term':{'entities.organizations.lc':{'value':'a'}}},"
            + "{'bool':{'must':[{'match_all':{}}],'must_not':["
            + "{'term':{'entities.organizations.lc':{'value':'b'}}}]}}]}}");
  }

  @Test
  void blankQueriesAndQueriesWithoutTermsMatchEverything() throws IOException {
    assertCompiles("", "{'match_all':{}}");
    assertCompiles("  \t", "{'match_all':{}}");
    assertCompiles("& -—", "{'match_all':{}}");
    assertCompiles("org:kpu & ", "{'term':{'entities.organizations.lc':{'value':'kpu'}}}");
  }

  @Test
  void theDeepestQueryTheParserAcceptsStaysWithinTheClusterNestingLimit() throws IOException {
    StringBuilder query = new StringBuilder("x NEAR/2 (bbb* OR \"c d\")");
    // The group after NEAR is one level already.
    for (int level = 1; level < QueryParser.MAX_GROUP_DEPTH; level++) {
      query.insert(0, level % 2 == 0 ? "a OR -(" : "a -(").append(')');
    }
    int depth = QueryDepth.of(compiled(query.toString()).toString());
    assertTrue(depth <= QueryDepth.LIMIT, "nesting " + depth + " for " + query);
  }

  @Test
  void everyFieldTheCompilerNamesExistsInTheArticlesMapping() throws IOException {
    JsonNode mapping;
    try (InputStream in =
        QueryCompiler.class.getResourceAsStream("/io/pantau/index/articles-mapping.json")) {
      mapping = JSON.readTree(in);
    }
    Set<String> fields = new TreeSet<>();
    collectFields(
        compiled(
            "a bbb* \"c d\" a NEAR/2 (bbb* OR \"c d\") source:a publisher:a lang:a person:a org:a"
                + " place:a keyword:a story:a title:a body:a"),
        fields);
    assertEquals(
        new TreeSet<>(
            Set.of(
                "search.title",
                "search.body",
                "search.id.title",
                "search.id.body",
                "search.en.title",
                "search.en.body",
                "source.lc",
                "publisher.lc",
                "lang",
                "entities.persons.lc",
                "entities.organizations.lc",
                "entities.places.lc",
                "keywords.lc",
                "keyphrases.lc",
                "storyId")),
        fields);
    for (String field : fields) {
      assertTrue(resolves(mapping, field.split("\\.")), field + " is not in the mapping");
    }
  }

  private static void collectFields(JsonNode node, Set<String> out) {
    Iterator<Map.Entry<String, JsonNode>> it = node.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getKey().equals("span_multi")) {
        // Its "match" holds a query, not a field as the match query's does.
        collectFields(e.getValue().path("match"), out);
      } else if (LEAF_QUERIES.contains(e.getKey())) {
        e.getValue().fieldNames().forEachRemaining(out::add);
      } else {
        collectFields(e.getValue(), out);
      }
    }
    if (node.isArray()) {
      node.forEach(n -> collectFields(n, out));
    }
  }

  private static boolean resolves(JsonNode mapping, String[] path) {
    JsonNode at = mapping;
    for (int i = 0; i < path.length; i++) {
      JsonNode next = at.path("properties").path(path[i]);
      if (next.isMissingNode() && i == path.length - 1) {
        next = at.path("fields").path(path[i]);
      }
      if (next.isMissingNode()) {
        return false;
      }
      at = next;
    }
    return true;
  }
}
