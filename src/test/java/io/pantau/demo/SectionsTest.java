package io.pantau.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SectionsTest {

  @Test
  void aBareNameOpensASectionAndAChoiceDoesNot() {
    Sections s =
        Sections.parse("t.txt", "# comment\n[trade.title]\n[Naik|Turun]\n\nSurplus {n:1-9}\n[x]\n");
    assertEquals(List.of("[Naik|Turun]", "Surplus {n:1-9}"), s.lines("trade.title"));
    assertEquals(List.of(), s.lines("x"));
    assertEquals(List.of(), s.lines("absent"));
  }

  @Test
  void textBeforeTheFirstSectionAndMissingSectionsAreReported() {
    IllegalStateException early =
        assertThrows(IllegalStateException.class, () -> Sections.parse("t.txt", "stray\n[a]\nb"));
    assertTrue(early.getMessage().startsWith("t.txt:1:"), early.getMessage());
    Sections s = Sections.parse("t.txt", "[a]\nb\n");
    IllegalStateException missing = assertThrows(IllegalStateException.class, () -> s.require("c"));
    assertTrue(missing.getMessage().contains("[c]"), missing.getMessage());
  }

  @Test
  void propertiesSectionsSplitAtTheFirstEquals() {
    Sections s = Sections.parse("o.txt", "[kompas.com]\nname = Kompas.com\nfooter = a = b\n");
    assertEquals(Map.of("name", "Kompas.com", "footer", "a = b"), s.properties("kompas.com"));
  }
}
