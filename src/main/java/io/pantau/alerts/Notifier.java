package io.pantau.alerts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pantau.article.Article;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
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

  /** One article matched one rule. */
  NoiseFilter.Decision onMatch(
      RuleSnapshot rule, Article article, List<Highlight> highlights, Instant acceptedAt) {
    Instant now = Instant.now();
    NoiseFilter.Decision d = filter.decide(rule, article, now);
    AlertPayload.MatchedArticle matched = AlertPayload.MatchedArticle.of(article, highlights);
    switch (d) {
      case SEND ->
          delivery.send(
              rule,
              new AlertPayload(rule.ref(), "match", now, List.of(matched), highlights, null),
              article.storyId(),
              Optional.of(acceptedAt));
      case DIGEST -> keepForDigest(rule, matched, now);
      default -> LOG.debugf("Alert %d: %s for article %s", rule.id(), d, article.id());
    }
    return d;
  }

  private void keepForDigest(RuleSnapshot rule, AlertPayload.MatchedArticle a, Instant now) {
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
    String stored = payload;
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              DigestItem item = new DigestItem();
              item.ruleId = rule.id();
              item.articleId = a.id();
              item.storyId = a.storyId();
              item.payload = stored;
              item.matchedAt = now;
              item.persist();
            });
  }

  private String toJson(Object o) {
    try {
      return json.writeValueAsString(o);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a plain record always serialises", e);
    }
  }

  /**
   * Sends each digest whose oldest item has waited the rule's digest minutes. Two projection
   * queries whatever the number of rules: the oldest item of each rule that has items, and the
   * digest minutes of those rules (no managed entities, so no flush checks thousands of rules
   * before each query, as one count per rule did).
   */
  void flushDigests(Instant now) {
    List<Long> due =
        QuarkusTransaction.requiringNew()
            .call(
                () -> {
                  Map<Long, Instant> oldest = new HashMap<>();
                  Panache.getEntityManager()
                      .createQuery(
                          "select d.ruleId, min(d.matchedAt) from DigestItem d group by d.ruleId",
                          Object[].class)
                      .getResultList()
                      .forEach(row -> oldest.put((Long) row[0], (Instant) row[1]));
                  if (oldest.isEmpty()) {
                    return List.<Long>of();
                  }
                  List<Long> out = new ArrayList<>();
                  for (List<Long> chunk : chunks(List.copyOf(oldest.keySet()), 500)) {
                    Panache.getEntityManager()
                        .createQuery(
                            "select r.id, r.digestMinutes from AlertRule r"
                                + " where r.digestMinutes > 0 and r.id in ?1",
                            Object[].class)
                        .setParameter(1, chunk)
                        .getResultList()
                        .forEach(
                            row -> {
                              Long id = (Long) row[0];
                              int minutes = ((Number) row[1]).intValue();
                              if (!oldest.get(id).isAfter(now.minus(Duration.ofMinutes(minutes)))) {
                                out.add(id);
                              }
                            });
                  }
                  out.sort(null);
                  return out;
                });
    for (long ruleId : due) {
      try {
        flush(ruleId, now);
      } catch (RuntimeException e) {
        LOG.warnf(e, "Alert %d: could not send its digest", ruleId);
      }
    }
  }

  private static <T> List<List<T>> chunks(List<T> all, int size) {
    List<List<T>> out = new ArrayList<>();
    for (int i = 0; i < all.size(); i += size) {
      out.add(all.subList(i, Math.min(all.size(), i + size)));
    }
    return out;
  }

  private void flush(long ruleId, Instant now) {
    record Taken(RuleSnapshot rule, List<DigestItem> items) {}
    Taken taken =
        QuarkusTransaction.requiringNew()
            .call(
                () -> {
                  AlertRule r = AlertRule.findById(ruleId);
                  List<DigestItem> items = DigestItem.list("ruleId = ?1 order by id", ruleId);
                  items.forEach(DigestItem::delete);
                  return new Taken(r == null ? null : Rules.snapshot(r, json), items);
                });
    if (taken.rule() == null || taken.items().isEmpty() || !taken.rule().enabled()) {
      return;
    }
    List<AlertPayload.MatchedArticle> articles = new ArrayList<>();
    for (DigestItem i : taken.items()) {
      try {
        articles.add(json.readValue(i.payload, AlertPayload.MatchedArticle.class));
      } catch (JsonProcessingException e) {
        LOG.warnf("Alert %d: skipping an unreadable digest item %d", ruleId, i.id);
      }
    }
    AlertPayload p =
        new AlertPayload(
            taken.rule().ref(), "digest", now, articles, AlertPayload.merge(articles), null);
    delivery.send(taken.rule(), p, null, Optional.empty());
  }
}
