package io.pantau.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pantau.article.Article;
import io.pantau.article.EnrichedArticle;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class EnrichmentRobustnessTest {
  private static final Enrichment ENRICHMENT = Enrichment.standard();

  @Test
  void odd_texts_are_enriched_without_throwing() {
    List<String> odd =
        List.of(
            "",
            " ",
            "\n\n\n",
            "-- -- ...",
            "----a-b-c----",
            "'''",
            "A",
            "12345 678,90 1.000.000",
            "😀😀 🎉 — « » “ ” ‘ ’",
            "Ünïcödé Çåsé ŠŽČ İstanbul",
            "Москва и Санкт-Петербург",
            "北京 上海 天津",
            "A".repeat(10_000),
            "Mr. Dr. Prof. U.S. e.g. i.e.",
            "PBB PBB PBB ( ) ( ) ,,, ;;; dan dan dan",
            "x-".repeat(500));
    for (String body : odd) {
      EnrichedArticle e = ENRICHMENT.enrich(Article.builder().title(body).body(body).build());
      assertNotNull(e.article().sentiment(), body);
      assertNotNull(e.fingerprint(), body);
    }
    EnrichedArticle empty = ENRICHMENT.enrich(Article.builder().build());
    assertEquals(0, empty.article().wordCount());
    assertTrue(!empty.fingerprint().hasSignature());
  }

  @Test
  void one_instance_gives_the_same_answers_from_many_threads() throws Exception {
    Article a =
        Article.builder()
            .title("Presiden Joko Widodo resmikan bendungan di Jawa Tengah")
            .body(
                "Presiden Joko Widodo meresmikan Bendungan Jlantah di Karanganyar, Jawa Tengah, pada"
                    + " Senin. Jokowi mengatakan bendungan itu akan meningkatkan produksi pertanian.")
            .build();
    EnrichedArticle expected = ENRICHMENT.enrich(a);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<EnrichedArticle>> results = new ArrayList<>();
      for (int i = 0; i < 64; i++) {
        results.add(pool.submit(() -> ENRICHMENT.enrich(a)));
      }
      for (Future<EnrichedArticle> f : results) {
        assertEquals(expected, f.get());
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
