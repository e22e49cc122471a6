package io.pantau.alerts;

import io.pantau.article.Article;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides what becomes of one match: sent now, kept for the digest, or dropped because the rule is
 * off or muted or its story was already notified. The story is claimed only when the match is going
 * to reach someone, so a muted rule tells about the story once it is unmuted.
 */
final class NoiseFilter {
  /** What to do with a match. */
  enum Decision {
    SEND,
    DIGEST,
    DISABLED,
    MUTED,
    SEEN_STORY
  }

  /** Remembers which stories each rule has notified. */
  interface StoryLedger {
    /** Records the story for the rule; false when it was there already. */
    boolean claim(long ruleId, String storyId, String articleId, Instant now);

    /** Records the story for each rule; returns the rules for which it was not there already. */
    default Set<Long> claimAll(List<Long> ruleIds, String storyId, String articleId, Instant now) {
      Set<Long> claimed = new LinkedHashSet<>();
      for (long id : ruleIds) {
        if (!claimed.contains(id) && claim(id, storyId, articleId, now)) {
          claimed.add(id);
        }
      }
      return claimed;
    }
  }

  private final StoryLedger ledger;

  NoiseFilter(StoryLedger ledger) {
    this.ledger = ledger;
  }

  /**
   * The decision for each rule one article matched, keyed by rule id in the given order: the same
   * as {@link #decide} rule by rule, with one ledger call for all of them.
   */
  Map<Long, Decision> decideAll(List<RuleSnapshot> rules, Article article, Instant now) {
    Map<Long, Decision> out = new LinkedHashMap<>();
    List<Long> claimable = new ArrayList<>();
    for (RuleSnapshot rule : rules) {
      if (!rule.enabled()) {
        out.put(rule.id(), Decision.DISABLED);
      } else if (rule.mutedAt(now)) {
        out.put(rule.id(), Decision.MUTED);
      } else {
        claimable.add(rule.id());
      }
    }
    Set<Long> claimed =
        claimable.isEmpty()
            ? Set.of()
            : ledger.claimAll(claimable, storyOf(article), article.id(), now);
    for (RuleSnapshot rule : rules) {
      if (!out.containsKey(rule.id())) {
        out.put(
            rule.id(),
            !claimed.contains(rule.id())
                ? Decision.SEEN_STORY
                : rule.digestMinutes() > 0 ? Decision.DIGEST : Decision.SEND);
      }
    }
    return out;
  }

  /** An article without a story is its own story. */
  private static String storyOf(Article article) {
    return article.storyId() != null ? article.storyId() : article.id();
  }

  /** The decision for one matched rule. */
  Decision decide(RuleSnapshot rule, Article article, Instant now) {
    return decideAll(List.of(rule), article, now).get(rule.id());
  }
}
