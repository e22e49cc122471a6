package io.pantau.alerts;

import io.pantau.article.Article;
import java.time.Instant;

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
  }

  private final StoryLedger ledger;

  NoiseFilter(StoryLedger ledger) {
    this.ledger = ledger;
  }

  Decision decide(RuleSnapshot rule, Article article, Instant now) {
    if (!rule.enabled()) {
      return Decision.DISABLED;
    }
    if (rule.mutedAt(now)) {
      return Decision.MUTED;
    }
    // An article without a story is its own story.
    String story = article.storyId() != null ? article.storyId() : article.id();
    if (!ledger.claim(rule.id(), story, article.id(), now)) {
      return Decision.SEEN_STORY;
    }
    return rule.digestMinutes() > 0 ? Decision.DIGEST : Decision.SEND;
  }
}
