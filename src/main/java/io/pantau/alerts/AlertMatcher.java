package io.pantau.alerts;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.pantau.article.Article;
import io.pantau.article.ArticleIndexed;
import io.pantau.config.PantauConfig;
import io.pantau.monitor.Highlighter;
import io.pantau.monitor.MonitorDocument;
import io.pantau.monitor.QueryMonitor;
import io.pantau.query.QueryParser;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.analysis.Analyzer;
import org.jboss.logging.Logger;

/**
 * Matches every newly indexed article against the stored {@code match} rules, off the ingest
 * thread, and hands each match to the {@link Notifier}.
 *
 * <p>Ingest fires {@link ArticleIndexed} synchronously; this observer only queues the article, so
 * ingest is not slowed by matching. When the queue is full the ingest thread matches the article
 * itself rather than lose it.
 *
 * <p>Each queued article holds a share of the event's follow-up, given back once its matches are
 * recorded (the story claims, the pending events, the digest items), so ingest marks it done in its
 * journal only then. At shutdown the queue is drained after ingest has stopped and before the
 * database closes ({@link #onStop}); what is still queued when {@code pantau.alerts.drain-on-stop}
 * runs out stays undone in the journal and is matched at the next start, as is what a crash cut
 * short.
 */
@ApplicationScoped
class AlertMatcher {
  private static final Logger LOG = Logger.getLogger(AlertMatcher.class);

  /**
   * Indexed articles waiting to be matched; when full, the ingest worker matches the article itself
   * (the ingest slows down instead of the heap filling). Each waiting article is held whole, so
   * 10,000 of them took more than 100 MB of the benchmark's 512 MB heap.
   */
  private static final int QUEUE = 1_000;

  private final Notifier notifier;
  private final ObjectMapper json;
  private final Duration drainOnStop;
  private volatile boolean stopping;
  private final QueryMonitor monitor = new QueryMonitor(QueryMonitor.Presearcher.MULTIPASS);
  private final Map<Long, Stored> rules = new ConcurrentHashMap<>();

  /** A matched rule as notifications need it: its settings, and its query's highlighter. */
  private record Stored(RuleSnapshot rule, Highlighter highlighter) {}

  private final Analyzer analyzer = io.pantau.query.QueryText.analyzer();
  private final ThreadPoolExecutor executor =
      new ThreadPoolExecutor(
          1,
          1,
          0,
          TimeUnit.SECONDS,
          new ArrayBlockingQueue<>(QUEUE),
          r -> {
            Thread t = new Thread(r, "pantau-alert-match");
            t.setDaemon(true);
            return t;
          },
          new ThreadPoolExecutor.CallerRunsPolicy());

  AlertMatcher(Notifier notifier, ObjectMapper json, PantauConfig config) {
    this.notifier = notifier;
    this.json = json;
    this.drainOnStop = config.alerts().drainOnStop();
  }

  /** Rebuilds the monitor from the database. */
  void onStart(@Observes StartupEvent event) {
    List<RuleSnapshot> stored =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    AlertRule.<AlertRule>list("type = ?1", AlertType.match).stream()
                        .map(r -> Rules.snapshot(r, json))
                        .toList());
    stored.forEach(this::put);
    LOG.infof("Alert matching started with %d rule(s)", monitor.size());
  }

  /**
   * Drains the queue after ingest has stopped (its observer runs first) and before the database
   * closes (it closes with the container, after every shutdown observer).
   */
  void onStop(@Observes @Priority(Interceptor.Priority.APPLICATION + 100) ShutdownEvent event) {
    stopping = true;
    executor.shutdown();
    try {
      if (!executor.awaitTermination(drainOnStop.toMillis(), TimeUnit.MILLISECONDS)) {
        int left = executor.shutdownNow().size();
        LOG.warnf(
            "Stopped alert matching with %d article(s) unmatched; the ingest journal keeps them"
                + " for the next start",
            left);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      executor.shutdownNow();
    }
  }

  @PreDestroy
  void stop() {
    executor.shutdownNow();
    analyzer.close();
  }

  void onIndexed(@Observes ArticleIndexed event) {
    if (rules.isEmpty()) {
      return;
    }
    Runnable done = event.followup().take();
    // After shutdown the executor drops the task: the article stays undone in the journal.
    executor.execute(
        () -> {
          if (process(event)) {
            done.run();
          }
        });
  }

  /** Adds or replaces a rule; a rule that is not a match rule is removed from matching. */
  void put(RuleSnapshot rule) {
    if (rule.type() != AlertType.match) {
      remove(rule.id());
      return;
    }
    try {
      io.pantau.query.QueryNode query = QueryParser.parse(rule.query());
      monitor.register(Long.toString(rule.id()), query);
      rules.put(rule.id(), new Stored(rule, Highlighter.of(query)));
    } catch (RuntimeException e) {
      // A query stored by an older parser may no longer parse: that rule alone stays out.
      LOG.warnf("Alert %d is not matched: %s", rule.id(), LogText.of(e.getMessage()));
      remove(rule.id());
    }
  }

  void remove(long id) {
    monitor.remove(Long.toString(id));
    rules.remove(id);
  }

  /**
   * Matches one article; package-private so tests can call it without the queue.
   *
   * @return false when its matches could not be recorded because Pantau is stopping: it is to be
   *     matched again at the next start
   */
  boolean process(ArticleIndexed event) {
    try {
      Article a = event.article().article();
      MonitorDocument doc = MonitorDocument.of(a, analyzer);
      QueryMonitor.Result result = monitor.match(doc);
      result
          .errors()
          .forEach(
              (id, error) ->
                  LOG.warnf("Alert %s failed on article %s: %s", id, a.id(), LogText.of(error)));
      List<Notifier.Match> matches = new ArrayList<>();
      for (QueryMonitor.Registered r : result.matches()) {
        Stored stored = rules.get(Long.parseLong(r.id()));
        if (stored != null) {
          matches.add(new Notifier.Match(stored.rule(), stored.highlighter().highlights(doc)));
        }
      }
      if (!matches.isEmpty()) {
        try {
          notifier.onMatches(a, matches, event.acceptedAt());
        } catch (RuntimeException e) {
          if (stopping) {
            LOG.infof(
                "Article %s is matched again at the next start (stopping: %s)",
                a.id(), LogText.of(String.valueOf(e.getMessage())));
            return false;
          }
          LOG.warnf(e, "Could not notify %d alert(s) about article %s", matches.size(), a.id());
        }
      }
    } catch (RuntimeException e) {
      LOG.warnf(e, "Could not match an article against the alerts");
    }
    return true;
  }
}
