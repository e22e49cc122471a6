package io.pantau.demo;

import io.pantau.config.PantauConfig;
import io.pantau.index.ArticleIndex;
import io.pantau.index.ElasticsearchConnection;
import io.pantau.ingest.ArticleImporter;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Fills an empty index with the sample data under {@code seeds/} on first start, so that a new user
 * sees real trends at once: the hand-written raw articles and the generated demo corpus. Runs in
 * the background; the API answers meanwhile.
 */
@ApplicationScoped
public class SeedLoader {
  private static final Logger LOG = Logger.getLogger(SeedLoader.class);

  /** The generator writes Jakarta dates, so the load day is taken there too. */
  static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");

  private final PantauConfig config;
  private final ArticleIndex index;
  private final ElasticsearchConnection connection;
  private final ArticleImporter importer;
  private volatile CompletableFuture<Void> running = CompletableFuture.completedFuture(null);

  SeedLoader(
      PantauConfig config,
      ArticleIndex index,
      ElasticsearchConnection connection,
      ArticleImporter importer) {
    this.config = config;
    this.index = index;
    this.connection = connection;
    this.importer = importer;
  }

  void onStart(@Observes StartupEvent event) {
    Path dir = config.seeds().dir();
    boolean wanted = config.seeds().loadOnEmpty().orElseGet(connection::isEmbedded);
    if (!wanted) {
      return;
    }
    if (!Files.isDirectory(dir)) {
      LOG.infof("No seeds folder at %s; starting with an empty index", dir.toAbsolutePath());
      return;
    }
    running = CompletableFuture.runAsync(() -> loadIfEmpty(dir));
  }

  /** Completes when the load started at boot (if any) is over. */
  public CompletableFuture<Void> loading() {
    return running;
  }

  /** Loads the seeds folder when the index holds no article; returns how many were indexed. */
  public long loadIfEmpty(Path dir) {
    return loadIfEmpty(dir, LocalDate.now(JAKARTA));
  }

  /**
   * The demo corpus as loaded on {@code loadDay}: the committed spec moved so that its stories end
   * the day before, its shape (length, bursts and their spacing, quiet weekends) unchanged. The
   * API's default periods count back from now (90 days for analytics and reports, 30 for the alert
   * preview), so a corpus kept at its committed dates would leave every default view empty on a
   * fresh install. The few copies republished after midnight into the load day are left out, so
   * that nothing is dated after the load whatever its hour, and the corpus stays a function of the
   * spec and the day alone.
   */
  static Stream<GeneratedArticle> demoCorpus(GeneratorSpec committed, LocalDate loadDay) {
    Instant loadDayStarts = loadDay.atStartOfDay(JAKARTA).toInstant();
    return new ArticleGenerator()
        .generateDetailed(committed.endingOn(loadDay.minusDays(1)))
        .filter(a -> a.publishedAt().isBefore(loadDayStarts));
  }

  long loadIfEmpty(Path dir, LocalDate loadDay) {
    try {
      long existing = index.count();
      if (existing > 0) {
        LOG.infof("The index holds %d articles; not loading seeds", existing);
        return 0;
      }
      PrintStream progress = new PrintStream(new LogLines(), true, StandardCharsets.UTF_8);
      LOG.infof("Empty index: loading the sample articles under %s", dir.toAbsolutePath());
      long indexed = 0;
      ArticleImporter.Summary raw = importer.importPath(dir, progress, true);
      LOG.info("Seed files: " + raw);
      indexed += raw.indexed();
      Path spec = dir.resolve(GeneratorSpec.CORPUS_FILE);
      if (Files.isRegularFile(spec)) {
        // The raw files above keep their own dates; only the generated corpus follows the clock.
        GeneratorSpec s = GeneratorSpec.read(dir);
        LOG.infof(
            "Generating the demo corpus: %d articles from %s, dated up to %s",
            s.count(), spec, loadDay.minusDays(1));
        ArticleImporter.Summary generated =
            importer.importArticles(
                demoCorpus(s, loadDay).map(GeneratedArticle::raw), s.count(), progress);
        LOG.info("Demo corpus: " + generated);
        indexed += generated.indexed();
      }
      index.refresh();
      return indexed;
    } catch (IOException | RuntimeException e) {
      LOG.errorf(e, "Loading seeds from %s failed", dir.toAbsolutePath());
      return 0;
    }
  }

  /** Sends each printed line to the log. */
  private static final class LogLines extends OutputStream {
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    @Override
    public void write(int b) {
      if (b == '\n') {
        LOG.info("Seeds " + line.toString(StandardCharsets.UTF_8));
        line.reset();
      } else {
        line.write(b);
      }
    }
  }
}
