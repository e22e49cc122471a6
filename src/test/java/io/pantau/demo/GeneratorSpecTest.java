package io.pantau.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pantau.demo.GeneratorSpec.Burst;
import io.pantau.ingest.ArticleFileException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeneratorSpecTest {
  private static final Path SEEDS = Path.of("seeds");

  @Test
  void theDefaultsDescribeAMixedFiveMonthCorpus() {
    GeneratorSpec d = GeneratorSpec.defaults();
    assertEquals(0.6, d.languageMix().get("id"));
    assertEquals(8, d.sources().size());
    assertTrue(d.days() >= 120);
    assertEquals(300, d.minWords());
    assertEquals(900, d.maxWords());
  }

  @Test
  void propertiesOverrideEveryKey() {
    Properties p = new Properties();
    p.setProperty("count", "1_500");
    p.setProperty("seed", "99");
    p.setProperty("start", "2025-03-01");
    p.setProperty("months", "4");
    p.setProperty("words.min", "320");
    p.setProperty("words.max", "700");
    p.setProperty("languages", "id:0.5, en:0.5");
    p.setProperty("sources", "antaranews.com:2,reuters.com:1");
    p.setProperty("syndication.rate", "0.1");
    p.setProperty("topics", "flood, trade");
    p.setProperty("bursts", "flood:2025-04-10:3");
    p.setProperty("burst.share", "0.2");
    p.setProperty("undated.rate", "0.1");
    GeneratorSpec s = GeneratorSpec.fromProperties(p);
    assertEquals(1500, s.count());
    assertEquals(99, s.seed());
    assertEquals(LocalDate.of(2025, 3, 1), s.start());
    assertEquals(122, s.days());
    assertEquals(LocalDate.of(2025, 7, 1), s.end());
    assertEquals(320, s.minWords());
    assertEquals(700, s.maxWords());
    assertEquals(0.5, s.languageMix().get("en"));
    assertEquals(List.of("antaranews.com", "reuters.com"), List.copyOf(s.sources().keySet()));
    assertEquals(0.1, s.syndicationRate());
    assertEquals(List.of("flood", "trade"), s.topics());
    assertEquals(List.of(new Burst("flood", LocalDate.of(2025, 4, 10), 3)), s.bursts());
    assertEquals(0.2, s.burstShare());
    assertEquals(0.1, s.undatedRate());
  }

  @Test
  void aValueThatCannotBeReadNamesItsKey() {
    Properties p = new Properties();
    p.setProperty("count", "many");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> GeneratorSpec.fromProperties(p));
    assertTrue(e.getMessage().startsWith("count:"), e.getMessage());

    Properties q = new Properties();
    q.setProperty("sources", "antaranews.com");
    e = assertThrows(IllegalArgumentException.class, () -> GeneratorSpec.fromProperties(q));
    assertTrue(e.getMessage().startsWith("sources:"), e.getMessage());

    Properties r = new Properties();
    r.setProperty("bursts", "flood:soon:3");
    e = assertThrows(IllegalArgumentException.class, () -> GeneratorSpec.fromProperties(r));
    assertTrue(e.getMessage().startsWith("bursts:"), e.getMessage());
  }

  @Test
  void impossibleSpecsAreRefused() {
    GeneratorSpec d = GeneratorSpec.defaults();
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new GeneratorSpec(
                -1,
                1,
                d.start(),
                10,
                300,
                900,
                d.languageMix(),
                d.sources(),
                0.08,
                List.of(),
                List.of(),
                0.1,
                0.05));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new GeneratorSpec(
                10,
                1,
                d.start(),
                10,
                900,
                300,
                d.languageMix(),
                d.sources(),
                0.08,
                List.of(),
                List.of(),
                0.1,
                0.05));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new GeneratorSpec(
                10,
                1,
                d.start(),
                10,
                300,
                900,
                d.languageMix(),
                d.sources(),
                0.7,
                List.of(),
                List.of(),
                0.1,
                0.05));
  }

  @Test
  void aBurstCoversItsDaysOnly() {
    Burst b = new Burst("flood", LocalDate.of(2025, 4, 10), 3);
    assertTrue(b.covers(LocalDate.of(2025, 4, 10)));
    assertTrue(b.covers(LocalDate.of(2025, 4, 12)));
    assertTrue(!b.covers(LocalDate.of(2025, 4, 13)));
    assertTrue(!b.covers(LocalDate.of(2025, 4, 9)));
  }

  @Test
  void theDemoCorpusSpecIsBigEnoughForDashboards() throws IOException {
    GeneratorSpec spec = GeneratorSpec.read(SEEDS);
    assertTrue(spec.count() >= 1200, "count " + spec.count());
    assertTrue(!spec.start().plusMonths(4).isAfter(spec.end()), "at least four months");
    assertTrue(spec.sources().size() >= 8);
    ArticleGenerator generator = new ArticleGenerator();
    assertTrue(generator.bursts(spec).size() >= 3, "named bursts " + generator.bursts(spec));
    assertEquals(50, generator.generate(spec.withCount(50)).count());
  }

  @Test
  void aBrokenCorpusFileNamesTheFile(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve(GeneratorSpec.CORPUS_FILE), "count=lots\n");
    ArticleFileException e =
        assertThrows(ArticleFileException.class, () -> GeneratorSpec.read(dir));
    assertTrue(e.getMessage().contains(GeneratorSpec.CORPUS_FILE), e.getMessage());
    assertTrue(e.getMessage().contains("count"), e.getMessage());
  }
}
