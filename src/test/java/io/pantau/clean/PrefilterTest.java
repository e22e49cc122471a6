package io.pantau.clean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class PrefilterTest {

  private static boolean admits(String regex, String line) {
    return Prefilter.of(regex).admits(new Prefilter.Line(line));
  }

  @Test
  void aLineWithoutTheRuleWordsIsRejected() {
    String rule = "(?i)baca\\s+(?:juga|pula)\\b.*";
    assertFalse(admits(rule, "Presiden menyampaikan pidato di Jakarta"));
    assertTrue(admits(rule, "BACA JUGA: berita lain"));
    assertTrue(admits(rule, "baca pula"));
  }

  @Test
  void digitsAreRequiredWhereTheRuleCountsThem() {
    String rule = "(?<y>\\d{4})-(?<m>\\d{2})-(?<d>\\d{2})";
    assertEquals("{\\d} AND {-} AND {\\d}", Prefilter.of(rule).toString());
    assertFalse(admits(rule, "tanpa angka - sama sekali"));
    assertFalse(admits(rule, "angka 2025 tanpa tanda hubung"));
    assertTrue(admits(rule, "2025-06-16"));
  }

  @Test
  void optionalAndRepeatedPartsAddNoCondition() {
    assertEquals("", Prefilter.of("(?:foo)?\\s*[a-z]+").toString());
    assertTrue(admits("(?:foo)?\\s*[a-z]+", "bar"));
    assertEquals("{prohibits|prohibited|prohibit}", Prefilter.of("prohibit(?:s|ed)?").toString());
  }

  @Test
  void foldingFollowsTheRegexEngineUnicodeCase() {
    // (?iu) lets "s" match the long s and "k" the Kelvin sign: the prefilter must not reject them
    String rule = "(?i)kelas";
    assertTrue(Pattern.compile(rule, Pattern.UNICODE_CASE).matcher("\u212Aela\u017F").matches());
    assertTrue(admits(rule, "\u212Aela\u017F"));
    assertTrue(admits("SOURCE", "source"), "a superset condition for case-sensitive rules");
  }

  @Test
  void foldingAStringFoldsEachCharacter() {
    // every character below U+0300 and a few beyond, alone and inside Latin-1 and other text
    StringBuilder all = new StringBuilder();
    for (char c = 0; c < 0x300; c++) {
      all.append(c);
      String alone = String.valueOf(c);
      assertEquals(String.valueOf(Prefilter.fold(c)), Prefilter.fold(alone), "U+" + (int) c);
      assertEquals("ab" + Prefilter.fold(c), Prefilter.fold("AB" + c), "U+" + (int) c);
    }
    all.append("\u212a\u017f\u0130\u03a3\u00b5");
    StringBuilder expected = new StringBuilder();
    for (int i = 0; i < all.length(); i++) {
      expected.append(Prefilter.fold(all.charAt(i)));
    }
    assertEquals(expected.toString(), Prefilter.fold(all.toString()));
    assertEquals("\u03bc = micro", Prefilter.fold("\u00b5 = MICRO"));
  }

  @Test
  void unknownSyntaxMeansNoCondition() {
    assertEquals("", Prefilter.of("(?x) a b # comment").toString());
    assertEquals("", Prefilter.of("(unclosed").toString());
  }

  /**
   * Every shipped rule, on lines built to hit and to miss it: a line the prefilter rejects never
   * matches the rule, with find, lookingAt or matches.
   */
  @Test
  void noShippedRuleMatchesALineItsPrefilterRejects() throws IllegalAccessException {
    Rules rules = Rules.standard();
    List<String> lines =
        List.of(
            "Baca juga: Presiden tiba di Jakarta",
            "Copyright © 2025 ANTARA. All rights reserved.",
            "Hak cipta dilindungi undang-undang",
            "Senin, 16 Juni 2025 14:30 WIB",
            "June 16, 2025 2:30 PM GMT",
            "3 hours ago",
            "2 jam yang lalu",
            "kemarin",
            "Jakarta (ANTARA) - Presiden",
            "TEMPO.CO, Jakarta - Pemerintah",
            "Pewarta: Andi Syamsul | Editor: Budi",
            "Ahmad Fauzi - detikNews",
            "(AP Photo/Evan Vucci)",
            "Foto: Dok. Humas",
            "Rakyat news | | | |",
            "jdoe@example.net",
            "(rdp/imk)",
            "Dilarang mengambil konten situs ini untuk pelatihan AI",
            "No part of this may be used to train AI models without permission",
            "Content may be freely republished for any purpose",
            "Licensed under Creative Commons CC BY-SA",
            "Updated 10:04 AM EDT, June 3, 2025",
            "Kamis ( 18 / 8 / 2016 )",
            "Home > News > World",
            "Presiden menyampaikan pidato kenegaraan di gedung parlemen pada hari Senin.");
    int rejected = 0;
    for (Field f : Rules.class.getDeclaredFields()) {
      if (f.getType() != List.class || f.getName().equals("languages")) {
        continue;
      }
      List<?> list = (List<?>) f.get(rules);
      for (Object o : list) {
        Pattern p = (Pattern) o;
        for (String line : variants(lines)) {
          if (!rules.filter(p).admits(new Prefilter.Line(line))) {
            rejected++;
            assertFalse(p.matcher(line).find(), f.getName() + " " + p + " on " + line);
          }
          if (!rules.filter(p).admitsWhole(new Prefilter.Line(line))) {
            assertFalse(p.matcher(line).matches(), f.getName() + " " + p + " on " + line);
          }
        }
      }
    }
    assertTrue(rejected > 1000, "the prefilters reject most lines: " + rejected);
  }

  @Test
  void aShortListOfCharactersIsALiteralSet() {
    assertEquals("{@|#}", Prefilter.of("(?:[@#][\\w.]+\\s*){1,6}").toString());
    assertFalse(admits("(?:[@#][\\w.]+\\s*){1,6}", "no handle here"));
    assertTrue(admits("(?:[@#][\\w.]+\\s*){1,6}", "#Pemilu2024 @kpu_ri"));
    assertEquals("", Prefilter.of("[a-z]+").toString());
    assertEquals("", Prefilter.of("[^@#]+").toString());
  }

  @Test
  void theLongestMatchIsBoundedWhereTheRegexIs() {
    assertEquals(24, Prefilter.of("[\\d\\s\u2022\u00b7|/>\u00bb\u00ab-]{1,12}").maxLength());
    assertEquals(3, Prefilter.of("abc").maxLength());
    assertEquals(6, Prefilter.of("(?i)foo|barbaz").maxLength());
    assertEquals(8, Prefilter.of("\\Qab\\E.{0,3}").maxLength());
    assertEquals(-1, Prefilter.of("a+").maxLength());
    assertEquals(-1, Prefilter.of("(a)x\\1").maxLength());
    assertEquals(-1, Prefilter.of("\\X").maxLength());
    assertEquals(-1, Prefilter.of("^\\s*$").maxLength());
    assertEquals(-1, Prefilter.of("(?x) a b").maxLength());
    assertFalse(
        Prefilter.of("[\\d\\s|]{1,12}")
            .admitsWhole(new Prefilter.Line("12 | 34 | 56 | 78 | 90 | 12 | 34")));
    assertTrue(Prefilter.of("[\\d\\s|]{1,12}").admitsWhole(new Prefilter.Line("12 | 34")));
  }

  /** No string longer than the bound matches, on random strings over the regexes' alphabet. */
  @Test
  void noWholeMatchIsLongerThanTheBound() {
    List<String> regexes =
        List.of(
            "[\\d\\s|-]{1,12}",
            "(?i)(?:ab|c)d?e{0,2}",
            "\\(?\\s?[a-c]{2,4}(?:-[a-c]{1,2})?\\)?",
            "(?:x|yy){2,3}|z",
            ".{0,3}a\\b\\R?");
    char[] alphabet = {
      'a', 'b', 'c', 'd', 'e', 'x', 'y', 'z', '1', ' ', '|', '-', '(', ')', '\r', '\n', '\u00e9'
    };
    java.util.Random random = new java.util.Random(23);
    int matched = 0;
    for (String regex : regexes) {
      Pattern p = Pattern.compile(regex);
      int max = Prefilter.of(regex).maxLength();
      assertTrue(max > 0, regex);
      for (int n = 0; n < 40_000; n++) {
        StringBuilder b = new StringBuilder();
        for (int i = random.nextInt(max + 4); i > 0; i--) {
          b.append(alphabet[random.nextInt(alphabet.length)]);
        }
        if (p.matcher(b).matches()) {
          matched++;
          assertTrue(b.length() <= max, regex + " matched " + b);
          assertTrue(
              Prefilter.of(regex).admitsWhole(new Prefilter.Line(b.toString())), regex + " " + b);
        }
      }
    }
    assertTrue(matched > 100, "random strings matched: " + matched);
  }

  /** The shared scanner answers as each rule's own substring searches do, line by line. */
  @Test
  void boundPrefiltersAgreeWithTheirSubstringSearches() throws IllegalAccessException {
    Rules rules = Rules.standard();
    java.util.Random random = new java.util.Random(5);
    List<String> lines =
        new ArrayList<>(variants(List.of("Baca juga: 16 Juni 2025", "(AP Photo)")));
    String[] words = {
      "baca",
      "juga",
      "foto",
      "copyright",
      "©",
      "2025",
      "juni",
      "wib",
      "ago",
      "lalu",
      "editor",
      "pewarta",
      "ai",
      "antara",
      "-",
      ":",
      "|",
      "(",
      ")",
      "reserved",
      "hak",
      "cipta",
      "é",
      "x"
    };
    for (int n = 0; n < 3000; n++) {
      StringBuilder b = new StringBuilder();
      for (int w = random.nextInt(8); w >= 0; w--) {
        b.append(words[random.nextInt(words.length)]).append(random.nextBoolean() ? " " : "");
      }
      lines.add(
          random.nextBoolean() ? b.toString() : b.toString().toUpperCase(java.util.Locale.ROOT));
    }
    int patterns = 0;
    for (Field f : Rules.class.getDeclaredFields()) {
      if (f.getType() != List.class || f.getName().equals("languages")) {
        continue;
      }
      for (Object o : (List<?>) f.get(rules)) {
        Pattern p = (Pattern) o;
        patterns++;
        Prefilter own = Prefilter.of(p.pattern());
        for (String line : lines) {
          Prefilter.Line l = new Prefilter.Line(line);
          assertEquals(own.admits(l), rules.filter(p).admits(l), p + " on " + line);
        }
      }
    }
    assertTrue(patterns > 100, "rules checked: " + patterns);
  }

  private static List<String> variants(List<String> lines) {
    List<String> out = new ArrayList<>();
    for (String l : lines) {
      out.add(l);
      out.add(l.toUpperCase(java.util.Locale.ROOT));
      out.add(l.toLowerCase(java.util.Locale.ROOT));
    }
    return out;
  }
}
