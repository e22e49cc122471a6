package io.pantau.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pantau.article.AiUse;
import io.pantau.article.Article;
import io.pantau.article.Rights;
import java.util.List;
import org.junit.jupiter.api.Test;

class StoragePolicyTest {
  private static final String LEAD = "The lead paragraph says what happened.";
  private static final String SECOND = "A second paragraph adds detail.";

  private static Article article(AiUse ai, String lead, String body) {
    return Article.builder()
        .title("A title")
        .lead(lead)
        .body(body)
        .captions(List.of("First caption.", "Second caption."))
        .rights(new Rights("ANTARA", "notice", ai))
        .wordCount(io.pantau.text.Words.count(body))
        .build();
  }

  @Test
  void articlesWithoutAProhibitionPassUnchangedUnderEveryPolicy() {
    for (AiUse ai : List.of(AiUse.allowed, AiUse.unknown)) {
      Article a = article(ai, LEAD, LEAD + "\n\n" + SECOND);
      for (StoragePolicy p : StoragePolicy.values()) {
        assertSame(a, p.apply(a));
      }
    }
  }

  @Test
  void fullKeepsAProhibitedArticleWhole() {
    Article a = article(AiUse.prohibited, LEAD, LEAD + "\n\n" + SECOND);
    assertSame(a, StoragePolicy.full.apply(a));
  }

  @Test
  void snippetKeepsTheLeadAndTheFirstCaption() {
    Article a = article(AiUse.prohibited, LEAD, LEAD + "\n\n" + SECOND);
    Article s = StoragePolicy.snippet.apply(a);
    assertEquals(a.wordCount(), s.wordCount(), "the word count describes the whole text");
    assertEquals(LEAD, s.body());
    assertEquals(LEAD, s.lead());
    assertEquals(List.of("First caption."), s.captions());
    assertEquals("A title", s.title());
    assertEquals(AiUse.prohibited, s.rights().aiUse());
  }

  @Test
  void snippetOfALongTextEndsAtAWordNearThreeHundredCharacters() {
    String longText = "word ".repeat(200).trim();
    Article s = StoragePolicy.snippet.apply(article(AiUse.prohibited, null, longText));
    assertTrue(s.body().length() <= StoragePolicy.SNIPPET_CHARS + 1, s.body());
    assertTrue(s.body().length() >= StoragePolicy.SNIPPET_CHARS / 2, s.body());
    assertTrue(s.body().endsWith("word…"), s.body());
  }

  @Test
  void noneKeepsNoText() {
    Article a = article(AiUse.prohibited, LEAD, LEAD + "\n\n" + SECOND);
    Article s = StoragePolicy.none.apply(a);
    assertEquals(a.wordCount(), s.wordCount(), "the word count describes the whole text");
    assertNull(s.body());
    assertNull(s.lead());
    assertEquals(List.of(), s.captions());
    assertEquals("ANTARA", s.rights().holder());
  }
}
