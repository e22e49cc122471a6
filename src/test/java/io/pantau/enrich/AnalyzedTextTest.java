package io.pantau.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pantau.testsupport.SharedData;
import io.pantau.text.Words;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AnalyzedTextTest {
  /** Characters that decide where words start and end, mixed with plain letters. */
  private static final String ALPHABET = "aB7 .,-'’\n!é京X9 -a.c,5";

  @Test
  void body_words_are_counted_like_the_word_counter_on_random_text() {
    Random random = new Random(20261128);
    for (int round = 0; round < 20_000; round++) {
      StringBuilder sb = new StringBuilder();
      int length = random.nextInt(40);
      for (int i = 0; i < length; i++) {
        sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
      }
      String body = sb.toString();
      String title = random.nextBoolean() ? null : "Judul-judul berita 1.5 juta";
      assertEquals(
          Words.count(body), AnalyzedText.of(title, body).bodyWords(), "body [" + body + "]");
    }
  }

  @Test
  void body_words_match_the_word_counter_on_named_cases() {
    for (String body :
        new String[] {
          "negara-negara", "Suara.com", "1,5 juta", "don't", "rock’n’roll", "a--b", "a-'b",
          "a'-b", "-awal", "akhir-", "dua  kata", "", "China-Kazakhstan", "U.S. A.B.C"
        }) {
      assertEquals(Words.count(body), AnalyzedText.of("Judul", body).bodyWords(), body);
    }
  }

  @Test
  void body_words_match_the_word_counter_on_the_seed() throws IOException {
    String seed = Files.readString(SharedData.require(Seeds.SEED), StandardCharsets.UTF_8);
    assertEquals(Words.count(seed), AnalyzedText.of(null, seed).bodyWords());
  }
}
