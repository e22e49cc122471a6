package io.pantau.query;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
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

  /** Queries with the documents they must match, counted by hand from {@link Corpus}. */
  static Stream<Arguments> handCounted() {
    return Stream.of(
        expect("kerja", 11, 12, 44),
        expect("Jokowi", 1, 18, 19),
        expect("tokayev", 3, 4),
        expect("China-Kazakhstan", 3, 4),
        expect("\"china kazakhstan\"", 3, 4),
        expect("\u201Cchina kazakhstan\u201D~1", 3, 4),
        expect("cafe", 9),
        expect("Sao Paulo", 9, 10),
        expect("place:\"São Paulo\"", 9),
        expect("place:\"sao paulo\"", 10),
        expect("anak", 15),
        expect("kura-kura", 16),
        expect("bank NOT indonesia", 40),
        expect("\"and or\"", 32, 33),
        expect("pemilu AND title:hasil", 24, 25),
        expect("body:pemilu -title:KPU", 25),
        expect("tech*", 28),
        expect("pres*", 1, 3, 4, 18, 19, 44, 45),
        expect("jokowi NEAR/2 zelensky", 19),
        expect("jokowi NEAR/4 zelensky", 18, 19),
        expect("zelensky NEAR/1 jokowi", 19),
        expect("person:\"xi jinping\"", 4),
        expect("person:\"Joko Widodo\"", 1, 18, 19),
        expect("keyword:\"harga pangan\"", 2, 22, 47),
        expect("keyword:high-speed*", 50),
        expect("org:apple AND NOT body:appealed", 30),
        expect("lang:EN AND source:reuters AND oil", 20, 21),
        expect("story:S-PIPE", 3, 4),
        expect("(banjir OR gempa) AND lang:id", 7, 8, 27),
        expect("\"the the\"", 17),
        expect("NOT NOT jokowi", 1, 18, 19),
        expect("Jum'at", 39),
        expect("don't", 40),
        expect("resume", 34),
        expect("zurich", 46),
        expect("place:zurich"),
        expect("\"bank bank\"", 5),
        expect("Jakarta-Bandung", 49, 50),
        expect("jokowi &", 1, 18, 19),
        expect("title:(kyiv OR astana)", 4, 18, 19),
        expect("harga -beras -minyak", 47),
        expect("2-1", 37, 38),
        expect("6.2", 26),
        Arguments.of("-banjir", allBut(7, 8)),
        Arguments.of("&", allBut()));
  }

  /** Queries covering every construct, checked against the brute-force evaluator only. */
  static Stream<String> referenceOnly() {
    return Stream.of(
        "oil OR minyak",
        "price* NEAR/3 rose",
        "(oil OR coal) NEAR/5 (export* OR prices)",
        "\"harga naik\"~3",
        "\"prices rose\"~2",
        "\"rose prices\"~2",
        "\"rose prices\"~1",
        "body:\"the editors\"",
        "title:\"bank indonesia\" OR body:\"bank indonesia\"",
        "jakarta NEAR/0 bandung",
        "\"jakarta bandung\" NEAR/5 kereta",
        "title:jokowi NEAR/3 kyiv",
        "kura NEAR/0 kura",
        "the NEAR/0 the",
        "anak NEAR/1 anak",
        "-(jakarta OR bandung)",
        "NOT lang:id",
        "publisher:\"kompas media\"",
        "source:kom*",
        "pemilu OR (kpu AND -mk)",
        "a",
        "and",
        "or not",
        "NEAR",
        "president AND NOT (jokowi OR prabowo)",
        "sri* mulyani",
        "\"mulyani sri\"~2",
        "\"the the the\"~1",
        "bank* -bank",
        "(tech* OR teknologi) lang:id",
        "harga AND (beras OR cabai) AND NOT minyak",
        "coffee NEAR/10 prices",
        "title:coffee NEAR/10 prices",
        "(jakarta OR \"sao paulo\") NEAR/2 (banjir OR cafe)",
        "keyword:(oil OR coal)",
        "place:china -keyword:coal",
        "org:KPU pemilu",
        "story:s-bi AND lang:en",
        "China AND Kazakhstan AND -pipeline",
        "election NEAR/3 won",
        "\"won election\"~2",
        "person:carlos*",
        "keyword:harga*",
        "&& OR ||",
        "café OR Übermensch",
        "uber*",
        "-& jokowi",
        "& NEAR/2 jokowi",
        "(body:jokowi OR title:kyiv) NEAR/3 (zelensky OR kyiv)",
        "-jokowi -prabowo -lang:en",
        "\"price watchers\" OR \"prices of\"~1 OR rail*");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("handCounted")
  void luceneMatchesTheDocumentsCountedByHand(String query, Set<Integer> expected) {
    Query parsed = QueryParser.parse(query);
    assertEquals(expected, index.search(LuceneCompiler.compile(parsed)), "Lucene");
    assertEquals(expected, reference(parsed), "reference evaluator");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource({"referenceOnly", "handCountedQueries"})
  void luceneMatchesTheReferenceEvaluator(String query) {
    Query parsed = QueryParser.parse(query);
    assertEquals(reference(parsed), index.search(LuceneCompiler.compile(parsed)));
  }

  static Stream<String> handCountedQueries() {
    return handCounted().map(a -> (String) a.get()[0]);
  }

  static Set<Integer> reference(Query query) {
    return Corpus.DOCS.stream()
        .filter(d -> new Reference(d).matches(query))
        .map(Corpus.Doc::id)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static Arguments expect(String query, int... ids) {
    return Arguments.of(query, Arrays.stream(ids).boxed().collect(Collectors.toSet()));
  }

  private static Set<Integer> allBut(int... ids) {
    Set<Integer> all =
        IntStream.rangeClosed(1, Corpus.DOCS.size()).boxed().collect(Collectors.toSet());
    Arrays.stream(ids).forEach(all::remove);
    return all;
  }
}
