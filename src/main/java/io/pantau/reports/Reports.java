package io.pantau.reports;

import io.pantau.analytics.Analytics;
import io.pantau.analytics.AnalyticsFilter;
import io.pantau.analytics.CountUnit;
import io.pantau.analytics.EntityType;
import io.pantau.analytics.Interval;
import io.pantau.analytics.TermField;
import io.pantau.analytics.Volume;
import io.pantau.article.Article;
import io.pantau.config.PantauConfig;
import io.pantau.index.ArticleIndex;
import io.pantau.index.ArticleStats;
import io.pantau.index.ArticleStream;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * Makes coverage reports. {@link #prepare} does everything that can fail on the request (it throws
 * {@link IllegalArgumentException} for a question that cannot be answered as asked) and asks the
 * small aggregate figures; {@link Export#writeTo} then streams the rows.
 */
@ApplicationScoped
public class Reports {
  /** Entries of each ranking in the summaries. */
  static final int TOP = 20;

  /** Stories in the PDF's top stories. */
  static final int TOP_STORIES = 10;

  private final Analytics analytics;
  private final ArticleStream stream;
  private final ArticleIndex index;
  private final ArticleStats stats;
  private final PantauConfig.Reports settings;

  Reports(
      Analytics analytics,
      ArticleStream stream,
      ArticleIndex index,
      ArticleStats stats,
      PantauConfig config) {
    this.analytics = analytics;
    this.stream = stream;
    this.index = index;
    this.stats = stats;
    this.settings = config.reports();
  }

  /** A report ready to be written; writing it reads the index page by page. */
  public interface Export {
    /** The file's name, e.g. {@code coverage.csv}. */
    String fileName();

    /** The file's media type. */
    String mediaType();

    /**
     * Writes the whole file. The point in time it reads through is closed when this returns or
     * throws (e.g. because the client went away). The output is not closed.
     */
    void writeTo(OutputStream out) throws IOException;
  }

  /**
   * Checks the request and computes what the file needs besides its rows.
   *
   * @throws IllegalArgumentException when the period cannot be reported (e.g. too many days)
   */
  public Export prepare(ReportSpec spec, ReportFormat format) {
    long matching = index.count(spec.search());
    Summary summary = format == ReportFormat.csv ? null : summary(spec);
    List<Provenance.Entry> provenance = Provenance.of(spec, format, matching);
    return new Export() {
      @Override
      public String fileName() {
        return format.fileName("coverage");
      }

      @Override
      public String mediaType() {
        return format.mediaType;
      }

      @Override
      public void writeTo(OutputStream out) throws IOException {
        try (ReportWriter w = writer(format, out, provenance, spec, summary)) {
          rows(spec, w);
          w.finish();
        }
      }
    };
  }

  private ReportWriter writer(
      ReportFormat format,
      OutputStream out,
      List<Provenance.Entry> provenance,
      ReportSpec spec,
      Summary summary)
      throws IOException {
    return switch (format) {
      case csv -> new CsvReport(out, provenance);
      case xlsx -> new XlsxReport(out, provenance, summary, spec.tz());
      case pdf -> new PdfReport(out, provenance, spec, summary, settings.pdfMaxArticles());
    };
  }

  private void rows(ReportSpec spec, ReportWriter w) throws IOException {
    try (ArticleStream.Cursor c = stream.open(spec.search(), Columns.FIELDS, settings.pageSize())) {
      while (c.hasNext()) {
        ArticleStream.Page page = c.next();
        for (Article a : page.articles()) {
          if (!w.row(a, page.copiesOf(a))) {
            return;
          }
        }
      }
    }
  }

  private Summary summary(ReportSpec spec) {
    AnalyticsFilter f = spec.filter();
    Volume volume = analytics.volume(f, List.of(), Interval.day, CountUnit.articles);
    List<ArticleStats.StoryCount> top = stats.topStories(spec.search(), TOP_STORIES);
    return new Summary(
        volume.series().get(0),
        analytics.sentiment(f, Interval.day),
        analytics.sources(f, TOP),
        analytics.keywords(f, TermField.keywords, TOP),
        analytics.entities(f, EntityType.person, TOP),
        analytics.entities(f, EntityType.organization, TOP),
        analytics.entities(f, EntityType.place, TOP),
        top,
        stream.copies(top.stream().map(ArticleStats.StoryCount::storyId).toList()));
  }
}
