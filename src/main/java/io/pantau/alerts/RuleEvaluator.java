package io.pantau.alerts;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.pantau.config.PantauConfig;
import io.pantau.index.ArticleIndex;
import io.pantau.index.ArticleSearch;
import io.pantau.index.ArticleStats;
import io.pantau.query.QueryNode;
import io.pantau.query.QueryParser;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.jboss.logging.Logger;

/**
 * Evaluates the {@code volume_spike} and {@code sentiment_shift} rules on a schedule and sends due
 * digests. The last window is {@code [now - window, now)}; the baseline is the {@code
 * baselineWindows} windows before it. A rule fires at most once per window: not again until a
 * window has passed since it last fired.
 */
@ApplicationScoped
class RuleEvaluator {
  private static final Logger LOG = Logger.getLogger(RuleEvaluator.class);
  static final double DEFAULT_K = 3;
  static final Duration DEFAULT_WINDOW = Duration.ofHours(1);
  static final int DEFAULT_BASELINE = 24;
  static final int DEFAULT_MIN_ARTICLES = 5;
  private static final int SAMPLES = 5;

  private final ArticleIndex index;
  private final ArticleStats stats;
  private final Delivery delivery;
  private final Notifier notifier;
  private final ObjectMapper json;
  private final PantauConfig.Alerts settings;
  private final Scheduler scheduler;

  RuleEvaluator(
      ArticleIndex index,
      ArticleStats stats,
      Delivery delivery,
      Notifier notifier,
      ObjectMapper json,
      PantauConfig config,
      Scheduler scheduler) {
    this.index = index;
    this.stats = stats;
    this.delivery = delivery;
    this.notifier = notifier;
    this.json = json;
    this.settings = config.alerts();
    this.scheduler = scheduler;
  }

  void onStart(@Observes StartupEvent event) {
    scheduler
        .newJob("pantau-alert-evaluation")
        .setInterval(settings.evaluateEvery().toString())
        .setConcurrentExecution(Scheduled.ConcurrentExecution.SKIP)
        .setTask(x -> evaluateAll(Instant.now()))
        .schedule();
    scheduler
        .newJob("pantau-alert-digests")
        .setInterval(settings.digestCheckEvery().toString())
        .setConcurrentExecution(Scheduled.ConcurrentExecution.SKIP)
        .setTask(x -> notifier.flushDigests(Instant.now()))
        .schedule();
  }

  /** Evaluates every enabled, unmuted window rule as of {@code now}; one failing rule is logged. */
  synchronized void evaluateAll(Instant now) {
    List<AlertRule> due =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    AlertRule.<AlertRule>list(
                        "enabled = true and type in ?1",
                        List.of(AlertType.volume_spike, AlertType.sentiment_shift)));
    for (AlertRule r : due) {
      try {
        evaluate(r, now);
      } catch (RuntimeException e) {
        LOG.warnf(e, "Alert %d could not be evaluated", r.id);
      }
    }
  }

  /** Evaluates one rule; returns the payload when it fired. */
  Optional<AlertPayload> evaluate(AlertRule r, Instant now) {
    Duration window =
        r.windowSeconds == null ? DEFAULT_WINDOW : Duration.ofSeconds(r.windowSeconds);
    if (r.mutedUntil != null && now.isBefore(r.mutedUntil)) {
      return Optional.empty();
    }
    if (r.lastFiredAt != null && now.isBefore(r.lastFiredAt.plus(window))) {
      return Optional.empty();
    }
    QueryNode q = QueryParser.parse(r.query);
    int n = r.baselineWindows == null ? DEFAULT_BASELINE : r.baselineWindows;
    double k = r.threshold == null ? DEFAULT_K : r.threshold;
    int min = r.minArticles == null ? DEFAULT_MIN_ARTICLES : r.minArticles;
    Instant from = now.minus(window);
    SpikeDetector.Verdict v;
    long articles;
    if (r.type == AlertType.volume_spike) {
      articles = index.count(search(q, from, now, 0));
      List<Long> baseline = new ArrayList<>();
      for (int i = 1; i <= n; i++) {
        Instant end = now.minus(window.multipliedBy(i));
        baseline.add(index.count(search(q, end.minus(window), end, 0)));
      }
      v = SpikeDetector.volume(articles, baseline, k, min);
    } else {
      ArticleStats.SentimentSummary current = stats.sentiment(search(q, from, now, 0));
      articles = current.articles();
      List<OptionalDouble> baseline = new ArrayList<>();
      for (int i = 1; i <= n; i++) {
        Instant end = now.minus(window.multipliedBy(i));
        baseline.add(stats.sentiment(search(q, end.minus(window), end, 0)).averageScore());
      }
      v = SpikeDetector.sentiment(current.averageScore(), articles, baseline, k, min);
    }
    if (!v.fire()) {
      return Optional.empty();
    }
    boolean claimed =
        QuarkusTransaction.requiringNew()
            .call(
                () -> {
                  AlertRule stored = AlertRule.findById(r.id);
                  if (stored == null
                      || (stored.lastFiredAt != null
                          && now.isBefore(stored.lastFiredAt.plus(window)))) {
                    return false;
                  }
                  stored.lastFiredAt = now;
                  return true;
                });
    if (!claimed) {
      return Optional.empty();
    }
    List<AlertPayload.MatchedArticle> samples =
        index.search(search(q, from, now, SAMPLES)).items().stream()
            .map(a -> AlertPayload.MatchedArticle.of(a, List.of()))
            .toList();
    AlertPayload p =
        new AlertPayload(
            new AlertPayload.RuleRef(r.id, r.name, r.type, r.query),
            r.type.name(),
            now,
            samples,
            List.of(),
            new AlertPayload.WindowStats(from, now, v.value(), v.mean(), v.stddev(), articles));
    delivery.send(Rules.snapshot(r, json), p, null, Optional.empty());
    return Optional.of(p);
  }

  private static ArticleSearch search(QueryNode q, Instant from, Instant to, int size) {
    return new ArticleSearch(
        q, Optional.of(from), Optional.of(to), List.of(), List.of(), Optional.empty(), 0, size);
  }
}
