package io.pantau.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class WordsTest {
  @Test
  void countsRunsOfLettersAndDigitsWithInnerHyphensAndApostrophes() {
    assertEquals(4, Words.count("Jakarta (ANTARA) - serba-serbi Kazakhstan's"));
    assertEquals(0, Words.count(" - , "));
    assertEquals(0, Words.count(null));
  }

  @Test
  void aCappedCountIsTheCountUpToTheCap() {
    char[] alphabet = {'a', 'Z', '7', ' ', '-', '\'', ',', '\u00e9'};
    Random random = new Random(17);
    for (int n = 0; n < 20_000; n++) {
      StringBuilder b = new StringBuilder();
      for (int i = random.nextInt(30); i > 0; i--) {
        b.append(alphabet[random.nextInt(alphabet.length)]);
      }
      String s = b.toString();
      int max = random.nextInt(10);
      assertEquals(Math.min(Words.count(s), max), Words.count(s, max), () -> max + " in " + s);
    }
  }
}
