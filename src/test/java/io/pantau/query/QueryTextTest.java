package io.pantau.query;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class QueryTextTest {
  @Test
  void tokensAreFoldedAndSplitLikeTheIndex() {
    assertEquals(List.of("china", "kazakhstan"), QueryText.tokens("China-Kazakhstan"));
    assertEquals(List.of("tokayev"), QueryText.tokens("Tōkayev"));
    assertEquals(List.of("jum'at", "6.2", "2", "1"), QueryText.tokens("Jum'at 6.2 2-1"));
    assertEquals(List.of("the", "and", "or"), QueryText.tokens("The and, or"));
    assertEquals(List.of(), QueryText.tokens("& — ..."));
  }

  @Test
  void exactValuesAreLowerCasedPerCodePointWithAccentsKept() {
    assertEquals("são paulo", QueryText.exact("São Paulo"));
    // The lowercase normalizer knows no final sigma; String.toLowerCase would write "ς".
    assertEquals("οδοσ", QueryText.exact("ΟΔΟΣ"));
    assertEquals("i", QueryText.exact("\u0130"));
  }

  @Test
  void prefixesAreFoldedLikeTheIndexedText() {
    assertEquals("jok", QueryText.prefix("Jók"));
  }

  @Test
  void wordsWithoutTermsAreDroppedLikeStopWords() {
    assertEquals(QueryParser.parse("a"), QueryText.searchable(QueryParser.parse("a & -—")));
    assertEquals(
        QueryParser.parse("a NOT b"), QueryText.searchable(QueryParser.parse("a NOT (b OR &)")));
    assertEquals(QueryParser.parse("a"), QueryText.searchable(QueryParser.parse("& NEAR/2 a")));
    assertEquals(
        new QueryNode.MatchAll(), QueryText.searchable(QueryParser.parse("-& OR \"...\"")));
  }
}
