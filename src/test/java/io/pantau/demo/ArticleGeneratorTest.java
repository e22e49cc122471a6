package io.pantau.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pantau.article.RawArticle;
import io.pantau.article.SentimentLabel;
import io.pantau.demo.GeneratorSpec.Burst;
import io.pantau.text.Words;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ArticleGeneratorTest {
  private static final ZoneOffset JAKARTA = ZoneOffset.ofHours(7);
  private static final int SIZE = 2000;

  private static ArticleGenerator generator;
  private static GeneratorSpec spec;
  private static List<GeneratedArticle> corpus;

  @BeforeAll
  static void generateOnce() {
    generator = new ArticleGenerator();
    spec = GeneratorSpec.defaults().withCount(SIZE);
    corpus = generator.generateDetailed(spec).collect(Collectors.toList());
  }

  private static List<GeneratedArticle> originals() {
    return corpus.stream().filter(a -> !a.isSyndicated()).collect(Collectors.toList());
  }

  @Test
  void theSameSeedYieldsIdenticalArticles() {
    List<RawArticle> again = generator.generate(spec).collect(Collectors.toList());
    List<RawArticle> first = corpus.stream().map(GeneratedArticle::raw).toList();
    assertEquals(first, again);
  }

  @Test
  void anotherSeedYieldsOtherArticles() {
    List<RawArticle> other = generator.generate(spec.withSeed(7).withCount(50)).toList();
    List<RawArticle> first = corpus.stream().limit(50).map(GeneratedArticle::raw).toList();
    long same = 0;
    for (int i = 0; i < 50; i++) {
      if (first.get(i).equals(other.get(i))) {
        same++;
      }
    }
    assertEquals(0, same);
  }

  @Test
  void aSmallerCorpusIsThePrefixOfABiggerOne() {
    assertEquals(
        corpus.subList(0, 100).stream().map(GeneratedArticle::raw).toList(),
        generator.generate(spec.withCount(100)).toList());
  }

  @Test
  void theCountIsExact() {
    assertEquals(SIZE, corpus.size());
    assertEquals(0, generator.generate(spec.withCount(0)).count());
    assertEquals(1, generator.generate(spec.withCount(1)).count());
    assertEquals(37, generator.generate(spec.withCount(37)).count());
  }

  @Test
  void originalsArePublishedWithinThePeriodAndCopiesSoonAfter() {
    for (GeneratedArticle a : corpus) {
      LocalDate day = a.publishedAt().atOffset(JAKARTA).toLocalDate();
      assertFalse(day.isBefore(spec.start()), a.raw().url());
      LocalDate limit = a.isSyndicated() ? spec.end().plusDays(1) : spec.end();
      assertTrue(day.isBefore(limit), a.raw().url() + " on " + day);
    }
  }

  @Test
  void weekdaysCarryMoreArticlesThanWeekends() {
    Map<Boolean, Long> byWeekend =
        originals().stream()
            .collect(
                Collectors.partitioningBy(
                    a -> {
                      DayOfWeek d = a.publishedAt().atOffset(JAKARTA).getDayOfWeek();
                      return d == DayOfWeek.SATURDAY || d == DayOfWeek.SUNDAY;
                    },
                    Collectors.counting()));
    double perWeekday = byWeekend.get(false) / 5.0;
    double perWeekendDay = byWeekend.get(true) / 2.0;
    assertTrue(perWeekday > 1.4 * perWeekendDay, perWeekday + " vs " + perWeekendDay);
  }

  @Test
  void newsroomHoursAreBusierThanTheNight() {
    Map<Integer, Long> byHour =
        originals().stream()
            .collect(
                Collectors.groupingBy(
                    a -> a.publishedAt().atOffset(JAKARTA).getHour(), Collectors.counting()));
    long morning = byHour.getOrDefault(9, 0L) + byHour.getOrDefault(10, 0L);
    long night = byHour.getOrDefault(2, 0L) + byHour.getOrDefault(3, 0L);
    assertTrue(morning > 8 * Math.max(1, night), morning + " vs " + night);
  }

  @Test
  void burstsStandOutAgainstTheirTopicsUsualDailyCoverage() {
    List<Burst> bursts = generator.bursts(spec);
    assertFalse(bursts.isEmpty());
    for (Burst b : bursts) {
      Map<LocalDate, Long> perDay =
          originals().stream()
              .filter(a -> a.topic().equals(b.topic()))
              .collect(
                  Collectors.groupingBy(
                      a -> a.publishedAt().atOffset(JAKARTA).toLocalDate(), Collectors.counting()));
      double inside = 0;
      double outside = 0;
      for (LocalDate d = spec.start(); d.isBefore(spec.end()); d = d.plusDays(1)) {
        if (b.covers(d)) {
          inside += perDay.getOrDefault(d, 0L);
        } else {
          outside += perDay.getOrDefault(d, 0L);
        }
      }
      double insidePerDay = inside / b.days();
      double outsidePerDay = outside / (spec.days() - b.days());
      assertTrue(
          insidePerDay > 5 * outsidePerDay, b + ": " + insidePerDay + " vs " + outsidePerDay);
    }
  }

  @Test
  void theLanguageMixIsNearSixtyForty() {
    double id = corpus.stream().filter(a -> a.lang().equals("id")).count() / (double) SIZE;
    assertEquals(0.6, id, 0.04);
  }

  @Test
  void storyTextStaysWithinTheWordRange() {
    for (GeneratedArticle a : corpus) {
      int words = Words.count(a.storyText());
      assertTrue(
          words >= spec.minWords() && words <= spec.maxWords(), a.raw().url() + ": " + words);
    }
    GeneratorSpec narrow =
        new GeneratorSpec(
            200,
            3,
            spec.start(),
            30,
            400,
            500,
            spec.languageMix(),
            spec.sources(),
            0.08,
            List.of(),
            List.of(),
            0.1,
            0.05);
    generator
        .generateDetailed(narrow)
        .forEach(
            a -> {
              int words = Words.count(a.storyText());
              assertTrue(words >= 400 && words <= 500, a.raw().url() + ": " + words);
            });
  }

  @Test
  void atLeastEightSourcesAppearInProportionToTheirWeights() {
    Map<String, Long> bySource =
        corpus.stream()
            .collect(Collectors.groupingBy(a -> a.raw().source(), Collectors.counting()));
    assertTrue(bySource.size() >= 8, bySource.toString());
    double total = spec.sources().values().stream().mapToDouble(Double::doubleValue).sum();
    spec.sources()
        .forEach(
            (host, weight) ->
                assertEquals(
                    weight / total, bySource.get(host) / (double) SIZE, 0.03, bySource.toString()));
    for (GeneratedArticle a : corpus) {
      assertTrue(a.raw().url().startsWith("https://" + a.raw().source() + "/"), a.raw().url());
    }
  }

  @Test
  void syndicatedCopiesRepublishMostOfTheOriginalElsewhereLater() {
    Map<String, GeneratedArticle> byUrl =
        corpus.stream().collect(Collectors.toMap(a -> a.raw().url(), Function.identity()));
    List<GeneratedArticle> copies = corpus.stream().filter(GeneratedArticle::isSyndicated).toList();
    double share = copies.size() / (double) SIZE;
    assertEquals(0.08, share, 0.025);
    for (GeneratedArticle copy : copies) {
      GeneratedArticle original = byUrl.get(copy.syndicationOf());
      assertNotNull(original, copy.syndicationOf());
      assertNotEquals(original.raw().source(), copy.raw().source());
      assertTrue(copy.publishedAt().isAfter(original.publishedAt()));
      List<String> a = paragraphs(original.storyText());
      List<String> b = paragraphs(copy.storyText());
      assertNotEquals(a.get(0), b.get(0), "the first sentence is reworded");
      Set<String> shared = new HashSet<>(a);
      shared.retainAll(b);
      assertTrue(shared.size() >= 0.8 * a.size() - 1, copy.raw().url());
    }
  }

  @Test
  void urlsAreUniqueAndFollowTheDatedPattern() {
    Set<String> urls = new HashSet<>();
    for (GeneratedArticle a : corpus) {
      assertTrue(urls.add(a.raw().url()), a.raw().url());
      assertTrue(
          a.raw().url().matches("https://[a-z.]+/\\d{4}/\\d{2}/\\d{2}/[a-z0-9-]+-\\d+"),
          a.raw().url());
    }
  }

  @Test
  void noTwoOriginalStoriesShareABody() {
    Set<String> bodies = new HashSet<>();
    for (GeneratedArticle a : originals()) {
      assertTrue(bodies.add(a.storyText()), a.raw().url());
    }
  }

  @Test
  void mostSentencesAreDistinctAcrossTheCorpus() {
    List<String> sentences = new ArrayList<>();
    for (GeneratedArticle a : originals()) {
      for (String s : a.storyText().split("(?<=[.!?])\\s+")) {
        sentences.add(s);
      }
    }
    double ratio = new HashSet<>(sentences).size() / (double) sentences.size();
    assertTrue(ratio > 0.6, "distinct sentence ratio " + ratio);
  }

  @Test
  void twoStoriesOnTheSameTopicDifferInMostSentences() {
    Map<String, List<GeneratedArticle>> byTopicAndLang =
        originals().stream().collect(Collectors.groupingBy(a -> a.topic() + a.lang()));
    for (List<GeneratedArticle> group : byTopicAndLang.values()) {
      for (int i = 0; i + 1 < Math.min(group.size(), 20); i += 2) {
        Set<String> a = new HashSet<>(List.of(group.get(i).storyText().split("(?<=[.!?])\\s+")));
        List<String> b = List.of(group.get(i + 1).storyText().split("(?<=[.!?])\\s+"));
        long common = b.stream().filter(a::contains).count();
        assertTrue(common < b.size() / 2, group.get(i).raw().url() + " ~ " + group.get(i + 1));
      }
    }
  }

  @Test
  void theToneShowsInTheWording() {
    Map<SentimentLabel, Double> negativeWords = new HashMap<>();
    for (SentimentLabel tone : SentimentLabel.values()) {
      List<GeneratedArticle> en =
          originals().stream().filter(a -> a.lang().equals("en") && a.tone() == tone).toList();
      assertTrue(en.size() > 50, tone + " " + en.size());
      double hits =
          en.stream()
              .mapToLong(a -> count(a.storyText(), "worrying|disappointing|troubling|criticised"))
              .sum();
      negativeWords.put(tone, hits / en.size());
    }
    assertTrue(
        negativeWords.get(SentimentLabel.negative) > 3 * negativeWords.get(SentimentLabel.positive),
        negativeWords.toString());
  }

  @Test
  void peopleAndOrganisationsRecurWithinATopic() {
    long raka =
        originals().stream()
            .filter(a -> a.topic().equals("trade"))
            .filter(a -> a.storyText().contains("Raka Wiradinata"))
            .count();
    long trade = originals().stream().filter(a -> a.topic().equals("trade")).count();
    assertTrue(raka > trade / 3, raka + " of " + trade);
  }

  @Test
  void someArticlesComeWithoutAPublicationDateAndAreFetchedWithinADay() {
    List<GeneratedArticle> undated =
        corpus.stream().filter(a -> a.raw().published() == null).toList();
    assertEquals(spec.undatedRate(), undated.size() / (double) SIZE, 0.025);
    for (GeneratedArticle a : corpus) {
      Duration lag = Duration.between(a.publishedAt(), a.raw().fetchedAt());
      assertFalse(lag.isNegative(), a.raw().url());
      assertTrue(lag.compareTo(Duration.ofHours(21)) < 0, a.raw().url());
      if (a.raw().published() != null) {
        assertEquals(a.publishedAt(), OffsetDateTime.parse(a.raw().published()).toInstant());
      }
    }
  }

  @Test
  void theRawTextCarriesTheOutletsChrome() {
    assertTrue(
        anyText("antaranews.com", "id", t -> t.contains("(ANTARA) -") && t.contains("Pewarta:")));
    assertTrue(anyText("reuters.com", "en", t -> t.contains("(Reuters) -")));
    assertTrue(anyText("reuters.com", "en", t -> t.contains("Reporting by")));
    assertTrue(anyText("apnews.com", "en", t -> t.contains("(AP) —")));
    assertTrue(anyText("kompas.com", "id", t -> t.contains(", KOMPAS.com -")));
    assertTrue(anyText("kompas.com", "id", t -> t.contains("Baca juga:")));
    assertTrue(
        anyText(
            "antaranews.com",
            "id",
            t -> t.contains("Read Entire Article") || t.contains("Baca Selengkapnya")));
    assertTrue(corpus.stream().anyMatch(a -> a.raw().html() != null));
    assertTrue(corpus.stream().anyMatch(a -> a.raw().title() != null && a.raw().body() != null));
  }

  @Test
  void anUnknownTopicIsRefused() {
    GeneratorSpec bad =
        new GeneratorSpec(
            10,
            1,
            spec.start(),
            30,
            300,
            900,
            spec.languageMix(),
            spec.sources(),
            0.08,
            List.of("astrology"),
            List.of(),
            0.1,
            0.05);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> generator.generate(bad).count());
    assertTrue(e.getMessage().contains("astrology"));
  }

  @Test
  void twentyThousandArticlesStreamQuickly() {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long cpuStarted = threads.getCurrentThreadCpuTime();
    long started = System.nanoTime();
    long[] seen = new long[2];
    generator
        .generate(spec.withCount(20_000))
        .forEach(
            a -> {
              seen[0]++;
              seen[1] += a.body() != null ? a.body().length() : a.html().length();
            });
    long ms = (System.nanoTime() - started) / 1_000_000;
    long cpuMs = (threads.getCurrentThreadCpuTime() - cpuStarted) / 1_000_000;
    // Timing depends on the machine and its load; it is reported, not asserted.
    System.out.println(
        "ArticleGenerator: 20,000 articles ("
            + seen[1] / 1_000_000
            + " MB of text) in "
            + ms
            + " ms wall, "
            + cpuMs
            + " ms CPU");
    assertEquals(20_000, seen[0]);
  }

  private static boolean anyText(String source, String lang, Predicate<String> test) {
    return corpus.stream()
        .filter(a -> a.raw().source().equals(source) && a.lang().equals(lang))
        .filter(a -> a.raw().body() != null)
        .anyMatch(a -> test.test(a.raw().body()));
  }

  private static List<String> paragraphs(String text) {
    return List.of(text.split("\n\n"));
  }

  private static long count(String text, String regex) {
    return Pattern.compile(regex).matcher(text).results().count();
  }
}
