package io.pantau.clean;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class WordBitsTest {
  @Test
  void findsEachWordByAStretchOfALongerTextAndNothingElse() {
    Random random = new Random(5);
    Map<String, Long> words = new HashMap<>();
    while (words.size() < 300) {
      words.put(word(random), random.nextLong() | 1);
    }
    // "Aa" and "BB" have one hash: colliding keys must still be told apart
    words.put("Aa", 2L);
    words.put("BB", 4L);
    WordBits table = new WordBits(words);
    for (int n = 0; n < 20_000; n++) {
      String w = random.nextInt(3) == 0 ? pick(words, random) : word(random);
      String text = word(random) + " " + w + " " + word(random);
      int start = text.indexOf(' ') + 1;
      assertEquals(words.getOrDefault(w, 0L), table.get(text, start, start + w.length()), () -> w);
    }
    assertEquals(2L, table.get("xAa", 1, 3));
    assertEquals(4L, table.get("BB", 0, 2));
    assertEquals(0L, table.get("Ab", 0, 2));
  }

  private static String word(Random random) {
    StringBuilder b = new StringBuilder();
    for (int i = 1 + random.nextInt(6); i > 0; i--) {
      b.append("abcdeé".charAt(random.nextInt(6)));
    }
    return b.toString();
  }

  private static String pick(Map<String, Long> words, Random random) {
    return words.keySet().stream().skip(random.nextInt(words.size())).findFirst().orElseThrow();
  }
}
