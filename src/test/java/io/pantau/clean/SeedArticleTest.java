package io.pantau.clean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pantau.article.AiUse;
import io.pantau.article.Article;
import io.pantau.article.DatePrecision;
import io.pantau.article.RawArticle;
import io.pantau.testsupport.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The first sample Pantau ever received: an ANTARA wire story republished by an aggregator. */
class SeedArticleTest {
  private static final String SEED = "seeds/000_aefdfa188da5bb0c.txt";
  private static final Instant FETCHED = Instant.parse("2025-09-16T00:00:00Z");
  private static Article article;

  @BeforeAll
  static void cleanSeed() throws IOException {
    // An assumption failing here would abort the class, and Maven would show "Tests run: 0"
    // instead of each test skipped with the reason; seedIsThere does that per test.
    if (Files.isReadable(seed())) {
      String text = Files.readString(seed(), StandardCharsets.UTF_8);
      article = new ArticleCleaner().clean(RawArticle.ofText(text, null, null, FETCHED));
    }
  }

  @BeforeEach
  void seedIsThere() {
    SharedData.require(SEED);
  }

  private static Path seed() {
    return SharedData.path(SEED);
  }

  @Test
  void titleIsTheHeadlineAboveTheAggregatorCounter() {
    assertEquals(
        "China dan Kazakhstan tingkatkan hubungan demi pembangunan global", article.title());
  }

  @Test
  void datelineNamesAstanaAndAntara() {
    assertEquals("Astana", article.dateline().place());
    assertEquals("ANTARA", article.dateline().agency());
    assertEquals("ANTARA", article.publisher());
  }

  @Test
  void publishedOnTheMondayTheStoryNamesWithTheYearOfItsCaptions() {
    assertEquals(DatePrecision.day, article.publishedPrecision());
    assertEquals(
        LocalDate.of(2025, 6, 16), article.published().atOffset(ZoneOffset.UTC).toLocalDate());
  }

  @Test
  void creditsComeFromTheTrailerAndTheCaptions() {
    assertEquals("Xinhua", article.credits().reporter());
    assertEquals("Martha Herlinawati Simanjuntak", article.credits().editor());
    assertTrue(article.credits().photographer().contains("Ding Lin"));
  }

  @Test
  void bothPhotoCaptionsAreCaptionsNotBody() {
    List<String> captions = article.captions();
    assertEquals(2, captions.size());
    assertTrue(captions.get(0).startsWith("Presiden China Xi Jinping dan Presiden Kazakhstan"));
    assertTrue(captions.get(0).endsWith("(Xinhua/Ding Lin)"));
    assertTrue(captions.get(1).endsWith("(Xinhua/Huang Jingwen)"));
  }

  @Test
  void rightsForbidAiUse() {
    assertEquals("ANTARA", article.rights().holder());
    assertEquals(AiUse.prohibited, article.rights().aiUse());
    assertTrue(article.rights().notice().contains("Dilarang keras mengambil konten"));
  }

  @Test
  void bodyRunsFromTheLeadToTheSigningWithoutChrome() {
    List<String> paragraphs = article.paragraphs();
    assertTrue(paragraphs.get(0).startsWith("Presiden China Xi Jinping pada Senin (16/6)"));
    assertEquals(paragraphs.get(0), article.lead());
    assertTrue(paragraphs.get(paragraphs.size() - 1).startsWith("Usai pembicaraan tersebut"));
    assertTrue(
        paragraphs
            .get(paragraphs.size() - 1)
            .contains("lebih dari 10 dokumen kerja sama bilateral"));
    long tokayev =
        paragraphs.stream().filter(p -> p.contains("negara tetangga yang ramah")).count();
    assertEquals(1, tokayev);
    String body = article.body();
    for (String chrome :
        List.of(
            "months ago",
            "Read Entire Article",
            "Rakyat news",
            "Pewarta",
            "Editor:",
            "Copyright",
            "Dilarang keras",
            "(Xinhua/",
            "Astana (ANTARA)")) {
      assertFalse(body.contains(chrome), () -> "body still holds " + chrome);
    }
  }
}
