package io.pantau.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pantau.testsupport.RandomText;
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
      String s = RandomText.of(random, alphabet, random.nextInt(30));
      int max = random.nextInt(10);
      assertEquals(Math.min(Words.count(s), max), Words.count(s, max), () -> max + " in " + s);
    }
  }

  @Test
  void countsAsTheRuleReads() {
    // the rule written plainly: a word is a maximal run of letters or digits, where a '-' or '\''
    // with a word character before it and a letter or digit after it belongs to the word
    char[] alphabet = {'a', 'Z', '7', ' ', '-', '\'', ',', '\u00e9', '\u00a0', '\u4e2d', '\u2019'};
    Random random = new Random(29);
    for (int n = 0; n < 20_000; n++) {
      String s = RandomText.of(random, alphabet, random.nextInt(40));
      assertEquals(plainCount(s), Words.count(s), s);
    }
  }

  private static int plainCount(String s) {
    int count = 0;
    boolean inWord = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean wordChar =
          Character.isLetterOrDigit(c)
              || (inWord
                  && (c == '-' || c == '\'')
                  && i + 1 < s.length()
                  && Character.isLetterOrDigit(s.charAt(i + 1)));
      if (wordChar && !inWord) {
        count++;
      }
      inWord = wordChar;
    }
    return count;
  }
}
