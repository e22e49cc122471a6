package io.pantau.web;

import io.pantau.analytics.Analytics;
import io.pantau.analytics.AnalyticsFilter;
import io.pantau.analytics.CountUnit;
import io.pantau.analytics.EntityCounts;
import io.pantau.analytics.EntityType;
import io.pantau.analytics.Interval;
import io.pantau.analytics.LanguageCounts;
import io.pantau.analytics.RollupResult;
import io.pantau.analytics.SentimentTimeline;
import io.pantau.analytics.SourceShares;
import io.pantau.analytics.TermCounts;
import io.pantau.analytics.TermField;
import io.pantau.analytics.Trending;
import io.pantau.analytics.TrendsRollup;
import io.pantau.analytics.Volume;
import io.pantau.index.SearchTime;
import io.pantau.security.RequiresRole;
import io.pantau.security.Role;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Analytics over stored articles and the on-demand trends rollup. */
@Path("/api/analytics")
@Blocking
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Analytics")
public class AnalyticsResource {
  private final Analytics analytics;
  private final TrendsRollup rollup;
  private final ReentrantLock rollupRunning = new ReentrantLock();
  private final CurrentVertxRequest request;

  AnalyticsResource(Analytics analytics, TrendsRollup rollup, CurrentVertxRequest request) {
    this.analytics = analytics;
    this.rollup = rollup;
    this.request = request;
  }

  @GET
  @Path("/volume")
  @RequiresRole(Role.viewer)
  @Operation(
      summary = "Articles (or stories) over time; several q give comparison series",
      description =
          "Each point's share is its count divided by all articles (or stories) of the bucket"
              + " under the same from, to, source and lang but without q. Empty buckets are"
              + " included.")
  public Volume volume(
      @BeanParam AnalyticsParams p,
      @QueryParam("interval")
          @DefaultValue("day")
          @Parameter(description = "hour, day, week or month", example = "day")
          String interval,
      @QueryParam("unit")
          @DefaultValue("articles")
          @Parameter(description = "articles, or stories (distinct storyId)", example = "articles")
          String unit) {
    Interval i = Params.choice("interval", interval, Interval.class);
    CountUnit u = Params.choice("unit", unit, CountUnit.class);
    List<Analytics.Labelled> series = new ArrayList<>();
    for (String text : p.q == null ? List.<String>of() : p.q) {
      series.add(new Analytics.Labelled(text, Params.query(text)));
    }
    AnalyticsFilter f = Params.filter(p, false);
    return timed(() -> analytics.volume(f, series, i, u));
  }

  @GET
  @Path("/sentiment")
  @RequiresRole(Role.viewer)
  @Operation(summary = "Mean sentiment and label counts over time, and the distribution of scores")
  public SentimentTimeline sentiment(
      @BeanParam AnalyticsParams p,
      @QueryParam("interval")
          @DefaultValue("day")
          @Parameter(description = "hour, day, week or month", example = "week")
          String interval) {
    Interval i = Params.choice("interval", interval, Interval.class);
    AnalyticsFilter f = Params.filter(p, true);
    return timed(() -> analytics.sentiment(f, i));
  }

  @GET
  @Path("/keywords")
  @RequiresRole(Role.viewer)
  @Operation(summary = "The most frequent keyphrases (or keywords) of the matching articles")
  public TermCounts keywords(
      @BeanParam AnalyticsParams p,
      @QueryParam("size") @DefaultValue("20") @Parameter(description = "1 to 200", example = "20")
          String size,
      @QueryParam("field")
          @DefaultValue("keyphrases")
          @Parameter(description = "keyphrases or keywords", example = "keyphrases")
          String field) {
    TermField tf = Params.choice("field", field, TermField.class);
    int n = Params.size(size);
    AnalyticsFilter f = Params.filter(p, true);
    return timed(() -> analytics.keywords(f, tf, n));
  }

  @GET
  @Path("/trending")
  @RequiresRole(Role.viewer)
  @Operation(
      summary = "Terms unusually frequent in [from, to) compared with the period before it",
      description =
          "score = c * ln(((c + 1) / (n + 1)) / ((p + 1) / (m + 1))), with c of n articles"
              + " carrying the term in the period and p of m in the previous period of equal"
              + " length. Only terms scoring above 0 are listed.")
  public Trending trending(
      @BeanParam AnalyticsParams p,
      @QueryParam("size") @DefaultValue("20") @Parameter(description = "1 to 200", example = "20")
          String size,
      @QueryParam("field")
          @DefaultValue("keyphrases")
          @Parameter(description = "keyphrases or keywords", example = "keyphrases")
          String field) {
    TermField tf = Params.choice("field", field, TermField.class);
    int n = Params.size(size);
    AnalyticsFilter f = Params.filter(p, true);
    return timed(() -> analytics.trending(f, tf, n));
  }

  @GET
  @Path("/sources")
  @RequiresRole(Role.viewer)
  @Operation(summary = "Matching articles per source, with each source's share")
  public SourceShares sources(
      @BeanParam AnalyticsParams p,
      @QueryParam("size") @DefaultValue("20") @Parameter(description = "1 to 200", example = "20")
          String size) {
    int n = Params.size(size);
    AnalyticsFilter f = Params.filter(p, true);
    return timed(() -> analytics.sources(f, n));
  }

  @GET
  @Path("/entities")
  @RequiresRole(Role.viewer)
  @Operation(summary = "The most mentioned people, organizations or places")
  public EntityCounts entities(
      @BeanParam AnalyticsParams p,
      @QueryParam("type")
          @DefaultValue("person")
          @Parameter(description = "person, organization or place", example = "person")
          String type,
      @QueryParam("size") @DefaultValue("20") @Parameter(description = "1 to 200", example = "20")
          String size) {
    EntityType t = Params.choice("type", type, EntityType.class);
    int n = Params.size(size);
    AnalyticsFilter f = Params.filter(p, true);
    return timed(() -> analytics.entities(f, t, n));
  }

  @GET
  @Path("/languages")
  @RequiresRole(Role.viewer)
  @Operation(summary = "Matching articles per language")
  public LanguageCounts languages(
      @BeanParam AnalyticsParams p,
      @QueryParam("size") @DefaultValue("20") @Parameter(description = "1 to 200", example = "20")
          String size) {
    int n = Params.size(size);
    AnalyticsFilter f = Params.filter(p, true);
    return timed(() -> analytics.languages(f, n));
  }

  @POST
  @Path("/trends/_rollup")
  @RequiresRole(Role.editor)
  @Operation(
      summary = "Recompute the daily trend documents of pantau-trends for [from, to) (UTC days)",
      description =
          "Default: the days the scheduled job recomputes. Answers how many documents were"
              + " written.")
  public RollupResult rollup(
      @QueryParam("from")
          @Parameter(description = "First UTC day (a date or an instant)", example = "2025-06-01")
          String from,
      @QueryParam("to")
          @Parameter(description = "The UTC day after the last one", example = "2025-10-01")
          String to) {
    Optional<Instant> f = Params.instant("from", from, ZoneOffset.UTC);
    Optional<Instant> t = Params.instant("to", to, ZoneOffset.UTC);
    if (f.isPresent() != t.isPresent()) {
      throw new BadRequest("from and to are both needed, or neither.");
    }
    // One on-demand rollup at a time: concurrent ones race to create the trends index and rewrite
    // the same documents.
    if (!rollupRunning.tryLock()) {
      throw new BadRequest(
          409, "A trends rollup is already running; retry when it has finished.", List.of());
    }
    try {
      if (f.isEmpty()) {
        return rollup.rollupRecent();
      }
      LocalDate first = LocalDate.ofInstant(f.get(), ZoneOffset.UTC);
      LocalDate last = LocalDate.ofInstant(t.get(), ZoneOffset.UTC);
      return Answers.answer(() -> rollup.rollup(first, last, true));
    } finally {
      rollupRunning.unlock();
    }
  }

  /**
   * {@link Answers#answer}, with the time spent in Elasticsearch reported in {@code Server-Timing}.
   */
  private <T> T timed(Supplier<T> call) {
    SearchTime.reset();
    try {
      return Answers.answer(call);
    } finally {
      ServerTiming.elasticsearch(request.getCurrent(), SearchTime.nanos());
    }
  }
}
