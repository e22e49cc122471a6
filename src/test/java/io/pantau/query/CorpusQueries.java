package io.pantau.query;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/** The queries run over the {@link Corpus}, covering every construct of the language. */
public final class CorpusQueries {
  private CorpusQueries() {}

  /** Queries with the documents they must match, counted by hand from {@link Corpus}. */
  public static final Map<String, Set<Integer>> HAND_COUNTED = handCounted();

  /** Queries checked against the brute-force evaluator only. */
  public static final List<String> OTHERS =
      List.of(
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

  /** Every query, hand-counted first. */
  public static List<String> all() {
    return Stream.concat(HAND_COUNTED.keySet().stream(), OTHERS.stream()).toList();
  }

  private static Map<String, Set<Integer>> handCounted() {
    Map<String, Set<Integer>> m = new LinkedHashMap<>();
    Stream.of(
            entry("kerja", 11, 12, 44),
            entry("Jokowi", 1, 18, 19),
            entry("tokayev", 3, 4),
            entry("China-Kazakhstan", 3, 4),
            entry("\"china kazakhstan\"", 3, 4),
            entry("\u201Cchina kazakhstan\u201D~1", 3, 4),
            entry("cafe", 9),
            entry("Sao Paulo", 9, 10),
            entry("place:\"São Paulo\"", 9),
            entry("place:\"sao paulo\"", 10),
            entry("anak", 15),
            entry("kura-kura", 16),
            entry("bank NOT indonesia", 40),
            entry("\"and or\"", 32, 33),
            entry("pemilu AND title:hasil", 24, 25),
            entry("body:pemilu -title:KPU", 25),
            entry("tech*", 28),
            entry("pres*", 1, 3, 4, 18, 19, 44, 45),
            entry("jokowi NEAR/2 zelensky", 19),
            entry("jokowi NEAR/4 zelensky", 18, 19),
            entry("zelensky NEAR/1 jokowi", 19),
            entry("person:\"xi jinping\"", 4),
            entry("person:\"Joko Widodo\"", 1, 18, 19),
            entry("keyword:\"harga pangan\"", 2, 22, 47),
            entry("keyword:high-speed*", 50),
            entry("org:apple AND NOT body:\"appealed\"", 30),
            // A bare word also excludes its inflections: "appeal" is in 30's body.
            entry("org:apple AND NOT body:appealed"),
            entry("lang:EN AND source:reuters AND oil", 20, 21),
            entry("story:S-PIPE", 3, 4),
            entry("(banjir OR gempa) AND lang:id", 7, 8, 27),
            entry("\"the the\"", 17),
            entry("NOT NOT jokowi", 1, 18, 19),
            entry("Jum'at", 39),
            entry("don't", 40),
            entry("resume", 34),
            entry("zurich", 46),
            entry("place:zurich"),
            entry("\"bank bank\"", 5),
            entry("Jakarta-Bandung", 49, 50),
            entry("jokowi &", 1, 18, 19),
            entry("title:(kyiv OR astana)", 4, 18, 19),
            entry("harga -beras -minyak", 47),
            entry("2-1", 37, 38),
            entry("6.2", 26),
            entry("-banjir", allBut(7, 8)),
            entry("&", allBut()),
            // A bare word finds its inflections in the article's own language; quotes do not.
            entry("landa", 7),
            entry("ungsi NEAR/2 masjid", 7),
            entry("janji", 8),
            entry("\"janji\""),
            entry("fine", 30, 31),
            entry("\"fine\"", 31),
            entry("title:fined", 30),
            entry("appeal NEAR/1 apple", 31),
            entry("\"appeal\" NEAR/1 apple"))
        .forEach(e -> m.put(e.getKey(), e.getValue()));
    return m;
  }

  private static Map.Entry<String, Set<Integer>> entry(String query, int... ids) {
    return Map.entry(query, Arrays.stream(ids).boxed().collect(Collectors.toSet()));
  }

  private static Map.Entry<String, Set<Integer>> entry(String query, Set<Integer> ids) {
    return Map.entry(query, ids);
  }

  private static Set<Integer> allBut(int... ids) {
    Set<Integer> all =
        IntStream.rangeClosed(1, Corpus.DOCS.size()).boxed().collect(Collectors.toSet());
    Arrays.stream(ids).forEach(all::remove);
    return all;
  }
}
