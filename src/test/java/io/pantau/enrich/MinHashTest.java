package io.pantau.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.pantau.article.Article;
import io.pantau.article.Fingerprint;
import io.pantau.testsupport.SharedData;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MinHashTest {
  private static final Enrichment ENRICHMENT = Enrichment.standard();

  private static Fingerprint fingerprint(Article a) {
    return ENRICHMENT.enrich(a).fingerprint();
  }

  @Test
  void a_fingerprint_has_128_values_and_32_band_keys_in_a_stable_format() {
    Fingerprint f =
        fingerprint(Article.builder().body("satu dua tiga empat lima enam tujuh delapan").build());
    assertEquals(128, f.minhash().size());
    assertEquals(32, f.bands().size());
    assertTrue(f.bands().get(7).matches("b07:[0-9a-f]{8}"), f.bands().get(7));
    assertEquals(
        f,
        fingerprint(
            Article.builder().body("Satu dua tiga, empat lima enam tujuh delapan.").build()));
  }

  @Test
  void a_body_shorter_than_one_shingle_has_no_fingerprint() {
    assertTrue(!fingerprint(Article.builder().body("terlalu pendek").build()).hasSignature());
    assertEquals(0, MinHash.similarity(Fingerprint.NONE, Fingerprint.NONE));
  }

  @Test
  void the_seed_and_a_reworded_copy_with_other_chrome_are_the_same_story() throws IOException {
    Article seed = Seeds.seedArticle();
    List<String> paragraphs = new ArrayList<>(seed.paragraphs());
    paragraphs.set(
        0,
        "BEIJING, 17 Juni (Xinhua) -- Xi Jinping menyatakan Beijing siap bekerja sama lebih erat"
            + " dengan Kazakhstan demi perdamaian dan pembangunan kawasan maupun dunia.");
    paragraphs.add(0, "Bagikan artikel ini: Facebook Twitter WhatsApp");
    paragraphs.add("Ikuti berita terkini kami di kanal WhatsApp dan Google News.");
    Article copy =
        Article.builder()
            .title("Xi: China siap bekerja sama")
            .body(String.join("\n\n", paragraphs))
            .build();
    Fingerprint a = fingerprint(seed);
    Fingerprint b = fingerprint(copy);
    assertTrue(MinHash.shareBand(a, b));
    double similarity = MinHash.similarity(a, b);
    assertTrue(similarity > 0.7, "estimated Jaccard " + similarity);
  }

  @Test
  void unrelated_indosum_articles_share_no_band_and_near_copies_do() throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<String> bodies = new ArrayList<>();
    try (BufferedReader r =
        Files.newBufferedReader(
            SharedData.require("data/indosum-news/articles.jsonl"), StandardCharsets.UTF_8)) {
      for (String line = r.readLine(); line != null && bodies.size() < 300; line = r.readLine()) {
        String body = json.readTree(line).path("body").asText();
        if (body.split("\n\n").length >= 4) {
          bodies.add(body);
        }
      }
    }
    Fingerprint seed = fingerprint(Seeds.seedArticle());
    List<Fingerprint> prints = new ArrayList<>();
    for (String body : bodies) {
      prints.add(fingerprint(Article.builder().body(body).build()));
    }
    int sharing = 0;
    int pairs = 0;
    for (int i = 0; i < prints.size(); i++) {
      assertFalse(MinHash.shareBand(seed, prints.get(i)));
      for (int j = i + 1; j < prints.size(); j++) {
        pairs++;
        if (MinHash.shareBand(prints.get(i), prints.get(j))) {
          sharing++;
        }
      }
    }
    // aggregator copy can hold genuine near-duplicates, so a handful of pairs may collide
    assertTrue(
        sharing <= pairs / 2000 + 2, sharing + " of " + pairs + " unrelated pairs share a band");
    int found = 0;
    for (int i = 0; i < bodies.size(); i++) {
      String[] paragraphs = bodies.get(i).split("\n\n");
      paragraphs[0] =
          "Jakarta , ( Pantau ) - " + paragraphs[0].substring(paragraphs[0].length() / 2);
      Fingerprint copy =
          fingerprint(
              Article.builder()
                  .body(String.join("\n\n", paragraphs) + "\n\nBaca juga : berita lainnya")
                  .build());
      if (MinHash.shareBand(prints.get(i), copy) && MinHash.similarity(prints.get(i), copy) > 0.6) {
        found++;
      }
    }
    assertTrue(
        found >= bodies.size() * 0.95, found + " of " + bodies.size() + " near copies found");
  }
}
