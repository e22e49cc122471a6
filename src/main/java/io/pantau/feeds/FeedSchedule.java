package io.pantau.feeds;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/** Runs the due polls on the schedule of {@code pantau.feeds.poll-every}. */
@ApplicationScoped
class FeedSchedule {
  private final Feeds feeds;

  FeedSchedule(Feeds feeds) {
    this.feeds = feeds;
  }

  // SKIP: a round that outlasts the period (slow sites) must not overlap the next one.
  @Scheduled(
      identity = "pantau-feeds",
      every = "${pantau.feeds.poll-every:60s}",
      delayed = "10s",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void pollDue() {
    feeds.pollDue();
  }
}
