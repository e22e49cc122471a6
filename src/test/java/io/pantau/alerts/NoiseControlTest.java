package io.pantau.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pantau.article.Article;
import io.pantau.article.EnrichedArticle;
import io.pantau.monitor.MonitorDocument;
import io.pantau.monitor.QueryMonitor;
import io.pantau.query.QueryParser;
import io.pantau.query.QueryText;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.junit.jupiter.api.Test;

class NoiseControlTest {
  private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");

  /** The ledger's contract in memory; the database one adds the primary key. */
  private static final class MemoryLedger implements NoiseFilter.StoryLedger {
    final Set<String> seen = new HashSet<>();

    @Override
    public boolean claim(long ruleId, String storyId, String articleId, Instant now) {
      return seen.add(ruleId + "/" + storyId);
    }
  }

  private static RuleSnapshot rule(long id, boolean enabled, Instant mutedUntil, int digest) {
    return new RuleSnapshot(
        id,
        "Kazakhstan",
        AlertType.match,
        "\"Kazakhstan\" AND (China OR Tiongkok)",
        List.of(new AlertChannel("webhook", "https://hooks.example/x", null)),
        "secret",
        enabled,
        mutedUntil,
        digest);
  }

  private static EnrichedArticle article(String id, String storyId, String firstSentence) {
    return new EnrichedArticle(
        Article.builder()
            .id(id)
            .storyId(storyId)
            .url("https://" + id + ".example/berita")
            .title("Kazakhstan dan Tiongkok teken kerja sama")
            .body(firstSentence + "\n\nPresiden Kazakhstan bertemu pemimpin China di Astana.")
            .build(),
        null);
  }

  @Test
  void twoCopiesOfOneStoryMatchTwiceButNotifyOnce() {
    QueryMonitor monitor = new QueryMonitor(QueryMonitor.Presearcher.MULTIPASS);
    RuleSnapshot rule = rule(7, true, null, 0);
    monitor.register("7", QueryParser.parse(rule.query()));
    NoiseFilter filter = new NoiseFilter(new MemoryLedger());
    List<NoiseFilter.Decision> decisions = new ArrayList<>();
    try (Analyzer analyzer = QueryText.analyzer()) {
      for (EnrichedArticle e :
          List.of(
              article("a1", "story-1", "Astana menjadi tuan rumah pertemuan."),
              article("a2", "story-1", "Pertemuan penting berlangsung di Astana."),
              article("a3", "story-2", "Kabar lain dari Astana."))) {
        MonitorDocument doc = MonitorDocument.of(e.article(), analyzer);
        for (QueryMonitor.Registered r : monitor.match(doc).matches()) {
          decisions.add(filter.decide(rule, e.article(), NOW));
        }
      }
    }
    assertEquals(
        List.of(
            NoiseFilter.Decision.SEND, NoiseFilter.Decision.SEEN_STORY, NoiseFilter.Decision.SEND),
        decisions);
  }

  @Test
  void aMutedRuleStaysSilentAndStillTellsTheStoryOnceUnmuted() {
    MemoryLedger ledger = new MemoryLedger();
    NoiseFilter filter = new NoiseFilter(ledger);
    Article a = article("a1", "story-1", "x").article();
    assertEquals(
        NoiseFilter.Decision.MUTED, filter.decide(rule(1, true, NOW.plusSeconds(60), 0), a, NOW));
    assertEquals(NoiseFilter.Decision.SEND, filter.decide(rule(1, true, NOW, 0), a, NOW));
    assertEquals(NoiseFilter.Decision.SEEN_STORY, filter.decide(rule(1, true, null, 0), a, NOW));
  }

  @Test
  void disabledRulesAreSilentAndDigestRulesCollect() {
    NoiseFilter filter = new NoiseFilter(new MemoryLedger());
    Article a = article("a1", "story-1", "x").article();
    assertEquals(NoiseFilter.Decision.DISABLED, filter.decide(rule(1, false, null, 0), a, NOW));
    assertEquals(NoiseFilter.Decision.DIGEST, filter.decide(rule(2, true, null, 15), a, NOW));
  }

  @Test
  void eachRuleKeepsItsOwnStories() {
    NoiseFilter filter = new NoiseFilter(new MemoryLedger());
    Article a = article("a1", "story-1", "x").article();
    assertEquals(NoiseFilter.Decision.SEND, filter.decide(rule(1, true, null, 0), a, NOW));
    assertEquals(NoiseFilter.Decision.SEND, filter.decide(rule(2, true, null, 0), a, NOW));
  }

  @Test
  void decidingForAllMatchedRulesAtOnceAgreesWithDecidingOneByOne() {
    Article a = article("a1", "story-1", "x").article();
    List<RuleSnapshot> rules =
        List.of(
            rule(1, false, null, 0),
            rule(2, true, NOW.plusSeconds(60), 0),
            rule(3, true, null, 0),
            rule(4, true, null, 15),
            rule(5, true, null, 0));
    MemoryLedger oneByOne = new MemoryLedger();
    oneByOne.seen.add("5/story-1");
    MemoryLedger atOnce = new MemoryLedger();
    atOnce.seen.add("5/story-1");
    NoiseFilter single = new NoiseFilter(oneByOne);
    List<NoiseFilter.Decision> expected = new ArrayList<>();
    for (RuleSnapshot r : rules) {
      expected.add(single.decide(r, a, NOW));
    }
    assertEquals(
        List.of(
            NoiseFilter.Decision.DISABLED,
            NoiseFilter.Decision.MUTED,
            NoiseFilter.Decision.SEND,
            NoiseFilter.Decision.DIGEST,
            NoiseFilter.Decision.SEEN_STORY),
        expected);
    assertEquals(expected, List.copyOf(new NoiseFilter(atOnce).decideAll(rules, a, NOW).values()));
    assertEquals(oneByOne.seen, atOnce.seen);
  }
}
