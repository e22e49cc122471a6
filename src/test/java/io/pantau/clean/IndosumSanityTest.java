package io.pantau.clean;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pantau.article.Article;
import io.pantau.article.DatePrecision;
import io.pantau.article.RawArticle;
import io.pantau.testsupport.SharedData;
import io.pantau.text.Words;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Runs the cleaner over real Indonesian articles (IndoSum, already clean bodies republished by an
 * aggregator) to check it keeps the text, reads the language and finds plausible dates.
 */
class IndosumSanityTest {
  private static final int ROWS = 500;

  @Test
  void realIndonesianArticlesKeepTheirTextLanguageAndPlausibleDates() throws IOException {
    Path file = SharedData.require("data/indosum-news/articles.jsonl");
    ObjectMapper json = new ObjectMapper();
    ArticleCleaner cleaner = new ArticleCleaner();
    int rows = 0;
    long wordsIn = 0;
    long wordsOut = 0;
    int indonesian = 0;
    int dated = 0;
    int datedPlausible = 0;
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      while (rows < ROWS && (line = in.readLine()) != null) {
        JsonNode row = json.readTree(line);
        Instant fetched = Instant.parse(row.get("published_at").asText());
        String body = row.get("body").asText();
        Article a =
            cleaner.clean(
                RawArticle.ofText(
                    body, row.get("url").asText(), row.get("source").asText(), fetched));
        rows++;
        wordsIn += Words.count(body);
        wordsOut += a.wordCount() + Words.count(a.title());
        if ("id".equals(a.lang())) {
          indonesian++;
        }
        JsonNode urlDate = row.get("url_date");
        if (urlDate != null && !urlDate.isNull() && a.publishedPrecision() == DatePrecision.day) {
          dated++;
          LocalDate want = LocalDate.parse(urlDate.asText());
          LocalDate got = a.published().atOffset(ZoneOffset.UTC).toLocalDate();
          if (Math.abs(got.toEpochDay() - want.toEpochDay()) <= 3) {
            datedPlausible++;
          }
        }
      }
    }
    double kept = (double) wordsOut / wordsIn;
    System.out.println(
        String.format(
            Locale.ROOT,
            "[indosum] rows=%d words kept=%.3f lang=id %.3f day-dated=%d within 3 days of URL date=%d",
            rows,
            kept,
            (double) indonesian / rows,
            dated,
            datedPlausible));
    assertTrue(kept >= 0.95, "words kept " + kept);
    assertTrue(indonesian >= rows * 0.95, "Indonesian detected " + indonesian);
    assertTrue(dated == 0 || datedPlausible >= dated * 0.8, "plausible dates " + datedPlausible);
  }
}
