package io.pantau.analytics;

import io.pantau.index.IndexUnavailableException;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/** Runs the trends rollup on the schedule of {@code pantau.trends.cron}. */
@ApplicationScoped
class TrendsJob {
  private static final Logger LOG = Logger.getLogger(TrendsJob.class);

  private final TrendsRollup rollup;

  TrendsJob(TrendsRollup rollup) {
    this.rollup = rollup;
  }

  // The default repeats PantauConfig's, because the scheduler reads the raw property.
  @Scheduled(
      identity = "pantau-trends",
      cron = "${pantau.trends.cron:0 20 * * * ?}",
      timeZone = "UTC",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void run() {
    try {
      RollupResult r = rollup.rollupRecent();
      LOG.infof(
          "Trends rolled up for %s..%s: %d written, %d deleted",
          r.from(), r.to(), r.written(), r.deleted());
    } catch (IndexUnavailableException e) {
      // The next run recomputes the same days; nothing is lost by waiting.
      LOG.warnf("Trends rollup skipped: %s", e.getMessage());
    }
  }
}
