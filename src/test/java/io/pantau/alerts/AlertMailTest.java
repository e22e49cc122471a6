package io.pantau.alerts;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The alert e-mail treats a rule's name and an article's address as outside text. */
class AlertMailTest {

  @Test
  void aLineBreakInTheRuleNameCannotStartAHeaderOfItsOwn() {
    String subject =
        AlertMail.subject(
            payload("Banjir\r\nBcc: victim@example.org\u2028x", "https://a.example/1"));
    assertFalse(
        subject.contains("\r") || subject.contains("\n") || subject.contains("\u2028"), subject);
    assertTrue(subject.startsWith("[Pantau] Banjir  Bcc: victim@example.org x: "), subject);
  }

  @Test
  void onlyHttpAddressesBecomeLinks() {
    String html = AlertMail.html(payload("Banjir", "javascript:alert(1)"));
    assertFalse(html.contains("href"), html);
    assertTrue(html.contains("<li>Judul "), html);
    assertTrue(
        AlertMail.html(payload("Banjir", "https://a.example/1"))
            .contains("<a href=\"https://a.example/1\">Judul "));
  }

  private static AlertPayload payload(String ruleName, String url) {
    return new AlertPayload(
        new AlertPayload.RuleRef(1, ruleName, AlertType.match, "banjir"),
        "match",
        Instant.parse("2025-06-16T08:00:00Z"),
        List.of(
            new AlertPayload.MatchedArticle(
                "a1",
                "Judul banjir",
                url,
                "a.example",
                Instant.parse("2025-06-16T07:00:00Z"),
                "s1",
                List.of())),
        List.of(),
        null);
  }
}
