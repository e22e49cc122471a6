package io.pantau.reports;

import io.pantau.analytics.EntityCounts;
import io.pantau.analytics.SentimentTimeline;
import io.pantau.analytics.SourceShares;
import io.pantau.analytics.TermCounts;
import io.pantau.analytics.Volume;
import io.pantau.index.ArticleStats.StoryCount;
import java.util.List;

/**
 * The aggregate figures of a report, asked through the analytics facade over the report's period.
 *
 * @param volume articles per day
 * @param sentiment mean score and label counts per day
 * @param sources articles per source (share of voice); its total is all matching articles
 * @param keywords most frequent keywords
 * @param persons most mentioned people
 * @param organizations most mentioned organizations
 * @param places most mentioned places
 * @param stories the stories with the most matching articles
 * @param storyCopies per story of {@code stories}: all its stored articles
 */
record Summary(
    Volume.Series volume,
    SentimentTimeline sentiment,
    SourceShares sources,
    TermCounts keywords,
    EntityCounts persons,
    EntityCounts organizations,
    EntityCounts places,
    List<StoryCount> stories,
    java.util.Map<String, Long> storyCopies) {

  long total() {
    return sources.total();
  }

  long positive() {
    return sentiment.points().stream().mapToLong(SentimentTimeline.Point::positive).sum();
  }

  long neutral() {
    return sentiment.points().stream().mapToLong(SentimentTimeline.Point::neutral).sum();
  }

  long negative() {
    return sentiment.points().stream().mapToLong(SentimentTimeline.Point::negative).sum();
  }

  /** The mean score over the whole period, weighted by each day's scored articles. */
  Double meanScore() {
    double sum = 0;
    long n = 0;
    for (SentimentTimeline.Point p : sentiment.points()) {
      if (p.avg() != null) {
        sum += p.avg() * p.count();
        n += p.count();
      }
    }
    return n == 0 ? null : sum / n;
  }
}
