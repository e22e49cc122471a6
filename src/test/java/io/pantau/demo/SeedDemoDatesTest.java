package io.pantau.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pantau.analytics.Analytics;
import io.pantau.article.RawArticle;
import io.pantau.ingest.ArticleFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The demo corpus SeedLoader writes on a fresh install opens every default view on data: the API's
 * default periods count back from now, and the committed spec (June to October 2025) fell outside
 * them, so analytics, reports and alert previews came back empty (issue 24).
 */
class SeedDemoDatesTest {
  /** The alert preview's period (Alerts.PREVIEW_PERIOD, package-private there). */
  private static final Duration PREVIEW = Duration.ofDays(30);

  private static final Path SEEDS = Path.of("seeds");
  private static LocalDate loadDay;
  private static Instant loadedAt;
  private static GeneratorSpec committed;
  private static List<GeneratedArticle> corpus;

  @BeforeAll
  static void load() throws IOException {
    loadedAt = Instant.now();
    loadDay = loadedAt.atZone(SeedLoader.JAKARTA).toLocalDate();
    committed = GeneratorSpec.read(SEEDS);
    corpus = SeedLoader.demoCorpus(committed, loadDay).collect(Collectors.toList());
  }

  private static long within(Duration period) {
    Instant from = loadedAt.minus(period);
    return corpus.stream()
        .filter(a -> !a.publishedAt().isBefore(from) && !a.publishedAt().isAfter(loadedAt))
        .count();
  }

  @Test
  void theDefaultAnalyticsPeriodHoldsMostOfTheDemoCorpus() {
    // Only copies republished after midnight into the load day are left out: a handful at most.
    assertTrue(corpus.size() > committed.count() - 10, corpus.size() + " of " + committed.count());
    long inPeriod = within(Analytics.DEFAULT_PERIOD);
    // The corpus spans five months, so 90 days hold some 60% of it (weekday-weighted).
    assertTrue(inPeriod > corpus.size() / 2, inPeriod + " of " + corpus.size() + " in 90 days");
  }

  @Test
  void theAlertPreviewPeriodHoldsAFifthOfItAndTheLastBurst() {
    long inPreview = within(PREVIEW);
    assertTrue(inPreview > corpus.size() / 5, inPreview + " of " + corpus.size() + " in 30 days");
    Instant from = loadedAt.minus(PREVIEW);
    assertTrue(
        corpus.stream()
            .anyMatch(
                a -> a.inBurst() && a.topic().equals("election") && a.publishedAt().isAfter(from)),
        "the election spike, the committed corpus's last, is inside the alert preview");
  }

  @Test
  void nothingIsDatedAfterTheLoadAndTheLatestArticleIsFromTheDayBefore() {
    Instant latest =
        corpus.stream().map(GeneratedArticle::publishedAt).max(Instant::compareTo).get();
    assertFalse(latest.isAfter(loadedAt), "latest " + latest + " after the load " + loadedAt);
    assertEquals(loadDay.minusDays(1), latest.atZone(SeedLoader.JAKARTA).toLocalDate());
    Instant earliest =
        corpus.stream().map(GeneratedArticle::publishedAt).min(Instant::compareTo).get();
    assertEquals(
        loadDay.minusDays(committed.days()),
        earliest.atZone(SeedLoader.JAKARTA).toLocalDate(),
        "the span of the committed spec is kept");
  }

  @Test
  void theShapeMovesWithTheDates() {
    GeneratorSpec moved = committed.endingOn(loadDay.minusDays(1));
    assertEquals(committed.days(), moved.days());
    assertEquals(committed.count(), moved.count());
    long shift =
        Duration.between(committed.start().atStartOfDay(), moved.start().atStartOfDay()).toDays();
    for (int i = 0; i < committed.bursts().size(); i++) {
      GeneratorSpec.Burst was = committed.bursts().get(i);
      GeneratorSpec.Burst now = moved.bursts().get(i);
      assertEquals(was.topic(), now.topic());
      assertEquals(was.days(), now.days());
      assertEquals(was.start().plusDays(shift), now.start(), "bursts keep their spacing");
    }
    // Weekends stay quiet on the new calendar: the day weights follow the moved dates.
    long weekend =
        corpus.stream()
            .filter(a -> !a.inBurst())
            .map(a -> a.publishedAt().atZone(SeedLoader.JAKARTA).getDayOfWeek())
            .filter(d -> d == DayOfWeek.SATURDAY || d == DayOfWeek.SUNDAY)
            .count();
    long all = corpus.stream().filter(a -> !a.inBurst()).count();
    assertTrue(weekend * 7 < all * 2, weekend + " of " + all + " on weekends, under 2/7");
  }

  @Test
  void theSameLoadDayGivesTheSameCorpus() {
    List<RawArticle> again =
        SeedLoader.demoCorpus(committed, loadDay).map(GeneratedArticle::raw).toList();
    assertEquals(corpus.stream().map(GeneratedArticle::raw).toList(), again);
  }

  @Test
  void theRawSeedFilesKeepTheirOwnDates() throws IOException {
    // SeedLoader imports them as read, untouched by the load day.
    RawArticle demak = ArticleFiles.read(SEEDS.resolve("raw/003_kompas_id_banjir-demak.txt"));
    assertEquals("2025-08-19T14:32:00+07:00", demak.published());
  }
}
