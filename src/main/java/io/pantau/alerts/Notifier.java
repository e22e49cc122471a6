package io.pantau.alerts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pantau.article.Article;
import io.pantau.monitor.Highlight;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/** Turns matches into notifications: noise control, digests, then delivery. */
@ApplicationScoped
class Notifier {
  private static final Logger LOG = Logger.getLogger(Notifier.class);

  private final NoiseFilter filter;
  private final Delivery delivery;
  private final ObjectMapper json;

  Notifier(DbStoryLedger ledger, Delivery delivery, ObjectMapper json) {
    this.filter = new NoiseFilter(ledger);
    this.delivery = delivery;
    this.json = json;
  }

  /** One rule that an article matched, and why. */
  record Match(RuleSnapshot rule, List<Highlight> highlights) {}

  /**
   * Every rule one article matched: the story claims, the pending events of the immediate sends and
   * the digest items in one transaction, so that a crash leaves either all of them or none (and the
   * article, undone in the ingest journal, is matched again); then the sends start.
   */
  void onMatches(Article article, List<Match> matches, Instant acceptedAt) {
    Instant now = Instant.now();
    List<Runnable> starts;
    try {
      starts =
          QuarkusTransaction.requiringNew().call(() -> record(article, matches, acceptedAt, now));
    } catch (RuntimeException e) {
      // Another thread or instance claimed one of the stories meanwhile; the second look sees it.
      LOG.debugf("Recording the matches of article %s again: %s", article.id(), e.getMessage());
      starts =
          QuarkusTransaction.requiringNew().call(() -> record(article, matches, acceptedAt, now));
    }
    starts.forEach(Runnable::run);
  }

  private List<Runnable> record(
      Article article, List<Match> matches, Instant acceptedAt, Instant now) {
    Map<Long, NoiseFilter.Decision> decisions =
        filter.decideAll(matches.stream().map(Match::rule).toList(), article, now);
    List<Runnable> starts = new ArrayList<>();
    List<DigestItem> digest = new ArrayList<>();
    for (Match m : matches) {
      RuleSnapshot rule = m.rule();
      NoiseFilter.Decision d = decisions.get(rule.id());
      switch (d) {
        case SEND ->
            starts.addAll(
                delivery.record(
                    rule,
                    new AlertPayload(
                        rule.ref(),
                        "match",
                        now,
                        List.of(AlertPayload.MatchedArticle.of(article, m.highlights())),
                        m.highlights(),
                        null),
                    article.storyId(),
                    Optional.of(acceptedAt)));
        case DIGEST ->
            digest.add(
                digestItem(rule, AlertPayload.MatchedArticle.of(article, m.highlights()), now));
        default -> LOG.debugf("Alert %d: %s for article %s", rule.id(), d, article.id());
      }
    }
    if (!digest.isEmpty()) {
      DigestItem.insertAll(digest);
    }
    return starts;
  }

  private DigestItem digestItem(RuleSnapshot rule, AlertPayload.MatchedArticle a, Instant now) {
    String payload = toJson(a);
    if (payload.length() > 4000) {
      // Keep the digest item within its column: the title and highlights give way first.
      payload =
          toJson(
              new AlertPayload.MatchedArticle(
                  a.id(),
                  a.title() == null
                      ? null
                      : a.title().substring(0, Math.min(200, a.title().length())),
                  a.url() != null && a.url().length() > 2000 ? null : a.url(),
                  a.source(),
                  a.published(),
                  a.storyId(),
                  List.of()));
    }
    DigestItem item = new DigestItem();
    item.ruleId = rule.id();
    item.articleId = a.id();
    item.storyId = a.storyId();
    item.payload = payload;
    item.matchedAt = now;
    item.dueAt = now.plus(Duration.ofMinutes(rule.digestMinutes()));
    return item;
  }

  private String toJson(Object o) {
    try {
      return json.writeValueAsString(o);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a plain record always serialises", e);
    }
  }

  /**
   * Sends each digest whose oldest item is due. One indexed query over the due items only, however
   * many rules and waiting matches there are. A rule whose digest was switched off after matches
   * were kept still sends them when they fall due.
   */
  void flushDigests(Instant now) {
    List<Long> due =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    Panache.getEntityManager()
                        .createQuery(
                            "select distinct d.ruleId from DigestItem d where d.dueAt <= ?1"
                                + " order by d.ruleId",
                            Long.class)
                        .setParameter(1, now)
                        .getResultList());
    for (long ruleId : due) {
      try {
        flush(ruleId, now);
      } catch (RuntimeException e) {
        LOG.warnf(e, "Alert %d: could not send its digest", ruleId);
      }
    }
  }

  /**
   * Takes the rule's waiting items and records its digest as a pending notification in one
   * transaction, so that a crash leaves either the items or the notification; then sends it.
   */
  private void flush(long ruleId, Instant now) {
    List<Runnable> starts =
        QuarkusTransaction.requiringNew()
            .call(
                () -> {
                  AlertRule r = AlertRule.findById(ruleId);
                  List<DigestItem> items = DigestItem.list("ruleId = ?1 order by id", ruleId);
                  if (!items.isEmpty()) {
                    DigestItem.delete(
                        "ruleId = ?1 and id <= ?2", ruleId, items.get(items.size() - 1).id);
                  }
                  if (r == null || items.isEmpty() || !r.enabled) {
                    return List.<Runnable>of();
                  }
                  RuleSnapshot rule = Rules.snapshot(r, json);
                  return delivery.record(rule, digest(rule, items, now), null, Optional.empty());
                });
    starts.forEach(Runnable::run);
  }

  private AlertPayload digest(RuleSnapshot rule, List<DigestItem> items, Instant now) {
    List<AlertPayload.MatchedArticle> articles = new ArrayList<>();
    for (DigestItem i : items) {
      try {
        articles.add(json.readValue(i.payload, AlertPayload.MatchedArticle.class));
      } catch (JsonProcessingException e) {
        LOG.warnf("Alert %d: skipping an unreadable digest item %d", rule.id(), i.id);
      }
    }
    return new AlertPayload(
        rule.ref(), "digest", now, articles, AlertPayload.merge(articles), null);
  }
}
