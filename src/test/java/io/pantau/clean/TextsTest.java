package io.pantau.clean;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pantau.testsupport.RandomText;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class TextsTest {
  /** The two replacements {@link Texts#space} used to make, kept here as its specification. */
  private static final Pattern INVISIBLE =
      Pattern.compile("[\\u200b-\\u200d\\u2060\\ufeff\\u00ad]");

  private static final Pattern SPACES = Pattern.compile("[\\s\\u00a0\\u2007\\u202f]+");

  private static String bySpecification(String s) {
    return SPACES.matcher(INVISIBLE.matcher(s).replaceAll("")).replaceAll(" ").trim();
  }

  @Test
  void spacingCollapsesRunsDropsInvisiblesAndTrims() {
    assertEquals(
        "Jakarta (ANTARA) - Harga",
        Texts.space(" \u00a0Jakarta\t(ANTARA)\u200b -  Har\u00adga \n"));
    assertEquals("a b", Texts.space("a \u200b\u2007 b"));
    assertEquals("", Texts.space("\u200b \u00ad\u202f"));
    assertEquals("", Texts.space(null));
  }

  @Test
  void spacingAgreesWithTheRegularExpressionsOnRandomText() {
    char[] alphabet = {
      'a', 'Z', '1', ',', ' ', '\t', '\n', '\u000b', '\f', '\r', '\u0001', '\u001f', '\u00a0',
      '\u2007', '\u202f', '\u2002', '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad',
      '\u00e9', '\u3000'
    };
    Random random = new Random(7);
    for (int n = 0; n < 20_000; n++) {
      String s = RandomText.of(random, alphabet, random.nextInt(24));
      assertEquals(bySpecification(s), Texts.space(s), () -> "for " + s);
    }
  }

  @Test
  void keysAgreeWithTheRegularExpressionOnRandomText() {
    // the key as a regular expression: folded, runs of non-letters and non-numbers one space
    Pattern notLetterOrNumber = Pattern.compile("[^\\p{L}\\p{N}]+");
    char[] alphabet = {
      'a', 'B', '7', ' ', ',', '-', '\u00e9', '\u00c9', '\u0130', '\u00df', '\u00b2', '\u2167',
      '\u4e2d', '\ud835', '\udc00', '\u0301', '\t'
    };
    Random random = new Random(13);
    for (int n = 0; n < 50_000; n++) {
      String s = randomText(random, alphabet);
      String spec = notLetterOrNumber.matcher(io.pantau.text.Fold.fold(s)).replaceAll(" ").strip();
      assertEquals(spec, Texts.key(s), () -> "for " + s);
    }
  }

  @Test
  void keyEqualityAgreesWithComparingTheKeys() {
    char[] alphabet = {'a', 'B', 'z', '7', ' ', ',', '-', '\u00e9', '\u00c9', '\u0130', '\u00df'};
    Random random = new Random(11);
    for (int n = 0; n < 50_000; n++) {
      String s = randomText(random, alphabet);
      // half the time a key that may well be equal: the key of a variant of the same letters
      String other =
          random.nextBoolean()
              ? Texts.key(s.toUpperCase(java.util.Locale.ROOT) + " ")
              : randomText(random, alphabet);
      String key = random.nextInt(4) == 0 ? Texts.key(s) : Texts.key(other);
      assertEquals(Texts.key(s).equals(key), Texts.keyEquals(s, key), () -> s + " / " + key);
    }
    assertEquals(true, Texts.keyEquals("  Harga BBM, naik!  ", "harga bbm naik"));
    assertEquals(false, Texts.keyEquals("Harga BBM naik lagi", "harga bbm naik"));
    assertEquals(false, Texts.keyEquals("Harga", "harga bbm"));
  }

  @Test
  void blankLineSplittingAgreesWithTheRegularExpressions() {
    char[] alphabet = {'a', ' ', '\t', '\n', '\n', '\r', '\u00a0', '\u000b', '\f', 'b'};
    Random random = new Random(13);
    for (int n = 0; n < 50_000; n++) {
      String s = randomText(random, alphabet);
      assertEquals(
          java.util.Arrays.asList(s.split("\n[ \\t\\u00a0]*\n")),
          java.util.Arrays.asList(Texts.splitAtBlankLines(s, false)),
          () -> "blank lines in [" + s + "]");
      assertEquals(
          java.util.Arrays.asList(s.split("\n\\s*\n")),
          java.util.Arrays.asList(Texts.splitAtBlankLines(s, true)),
          () -> "whitespace lines in [" + s + "]");
    }
  }

  private static String randomText(Random random, char[] alphabet) {
    return RandomText.of(random, alphabet, random.nextInt(12));
  }
}
