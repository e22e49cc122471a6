package io.pantau.clean;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pantau.testsupport.RandomText;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LiteralScannerTest {

  private static boolean found(LiteralScanner scanner, long[] present, String literal) {
    int id = scanner.id(literal);
    return (present[id >>> 6] & (1L << id)) != 0;
  }

  @Test
  void findsOverlappingAndNestedLiterals() {
    LiteralScanner s = LiteralScanner.of(List.of("he", "she", "his", "hers", "é", "ushers"));
    long[] p = s.scan("ushers é");
    assertEquals(true, found(s, p, "he"));
    assertEquals(true, found(s, p, "she"));
    assertEquals(true, found(s, p, "hers"));
    assertEquals(true, found(s, p, "ushers"));
    assertEquals(true, found(s, p, "é"));
    assertEquals(false, found(s, p, "his"));
    assertEquals(-1, s.id("absent"));
  }

  /** On random literals and texts over a small alphabet, the scan agrees with String.contains. */
  @Test
  void agreesWithContainsOnRandomText() {
    char[] alphabet = {'a', 'b', 'c', ' ', '\u00e9', '\u03bc', '1'};
    Random random = new Random(3);
    for (int round = 0; round < 200; round++) {
      List<String> literals = new ArrayList<>();
      for (int i = random.nextInt(90) + 1; i > 0; i--) {
        literals.add(RandomText.of(random, alphabet, 1 + random.nextInt(5)));
      }
      LiteralScanner scanner = LiteralScanner.of(literals);
      for (int t = 0; t < 50; t++) {
        String text =
            RandomText.of(random, alphabet, random.nextInt(40)) + (random.nextBoolean() ? "z" : "");
        long[] present = scanner.scan(text);
        for (String l : literals) {
          assertEquals(text.contains(l), found(scanner, present, l), l + " in " + text);
        }
      }
    }
  }
}
