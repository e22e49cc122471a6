package io.pantau.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.Time;
import co.elastic.clients.elasticsearch._types.mapping.TypeMapping;
import co.elastic.clients.elasticsearch.indices.IndexSettings;
import io.pantau.config.PantauConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Creates what the article index needs, idempotently: the index template (mapping, settings, alias)
 * and the time partitions as articles arrive. Safe to run on every start and from several Pantau
 * instances at once.
 */
@ApplicationScoped
public class IndexBootstrap {
  private static final Logger LOG = Logger.getLogger(IndexBootstrap.class);
  private static final DateTimeFormatter YEAR =
      DateTimeFormatter.ofPattern("yyyy").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter MONTH =
      DateTimeFormatter.ofPattern("yyyy.MM").withZone(ZoneOffset.UTC);

  private final ElasticsearchClient es;
  private final PantauConfig config;
  private final ElasticsearchConnection connection;
  private final Set<String> known = ConcurrentHashMap.newKeySet();
  private volatile boolean ready;

  IndexBootstrap(ElasticsearchClient es, PantauConfig config, ElasticsearchConnection connection) {
    this.es = es;
    this.config = config;
    this.connection = connection;
  }

  void onStart(@Observes StartupEvent event) {
    try {
      bootstrap();
    } catch (IndexUnavailableException e) {
      // An external cluster may come later; every read and write bootstraps first.
      LOG.warnf("Elasticsearch is not reachable yet: %s", e.getMessage());
    }
  }

  /**
   * Puts the template, updates the mapping of existing partitions, and makes sure one exists. Runs
   * once; later calls return at once.
   */
  public void bootstrap() {
    if (!ready) {
      bootstrapOnce();
    }
  }

  private synchronized void bootstrapOnce() {
    if (ready) {
      return;
    }
    int replicas = config.index().replicas().orElse(connection.isEmbedded() ? 0 : 1);
    ArticleIndex.call(
        () ->
            es.indices()
                .putIndexTemplate(
                    t ->
                        t.name(IndexNames.ARTICLES_TEMPLATE)
                            .indexPatterns(IndexNames.ARTICLES_PATTERN)
                            .priority(100L)
                            .template(
                                tt ->
                                    tt.mappings(mapping())
                                        .settings(
                                            settings(
                                                config.index().shards(),
                                                replicas,
                                                refreshInterval()))
                                        .aliases(IndexNames.ARTICLES, a -> a))));
    boolean any =
        ArticleIndex.call(
                () ->
                    es.indices()
                        .exists(e -> e.index(IndexNames.ARTICLES_PATTERN).allowNoIndices(false)))
            .value();
    if (any) {
      // New fields in the mapping reach existing partitions; changed types would fail here.
      ArticleIndex.call(
          () ->
              es.indices()
                  .putMapping(m -> m.index(IndexNames.ARTICLES_PATTERN).withJson(mappingStream())));
      // So does a changed refresh interval.
      ArticleIndex.call(
          () ->
              es.indices()
                  .putSettings(
                      p ->
                          p.index(IndexNames.ARTICLES_PATTERN)
                              .settings(st -> st.refreshInterval(refreshInterval()))));
    } else {
      createIfMissing(partitionOf(Instant.now()));
    }
    ready = true;
    LOG.infof(
        "Article index ready: alias %s over %s (%d shard(s), %d replica(s))",
        IndexNames.ARTICLES, IndexNames.ARTICLES_PATTERN, config.index().shards(), replicas);
  }

  /**
   * Forgets that the template and partitions were made, so that the next call makes them again: for
   * when Elasticsearch says the index is gone (deleted under a running Pantau, or a cluster that
   * was reset). Writes would otherwise fail on the missing alias until a restart.
   */
  void forget() {
    ready = false;
    known.clear();
  }

  /** The partition an article published at {@code published} belongs to, created if missing. */
  String ensurePartition(Instant published) {
    bootstrap();
    return createIfMissing(partitionOf(published == null ? Instant.now() : published));
  }

  private String partitionOf(Instant at) {
    return IndexNames.ARTICLES
        + "-"
        + ("month".equalsIgnoreCase(config.index().partition()) ? MONTH : YEAR).format(at);
  }

  private String createIfMissing(String name) {
    if (known.contains(name)) {
      return name;
    }
    try {
      es.indices().create(c -> c.index(name));
      LOG.infof("Created index %s", name);
    } catch (ElasticsearchException e) {
      if (!"resource_already_exists_exception".equals(e.error().type())) {
        if (ArticleIndex.refusedForGood(e.status())) {
          // e.g. the cluster's shard limit: the articles for this partition fail, others go on
          throw new WriteRefusedException(
              "Elasticsearch refused to create index " + name + ": " + e.getMessage(), e);
        }
        throw new IndexUnavailableException(
            "Cannot create index " + name + ": " + e.getMessage(), e);
      }
    } catch (IOException e) {
      throw new IndexUnavailableException("Cannot create index " + name + ": " + e.getMessage(), e);
    }
    known.add(name);
    return name;
  }

  /** The article mapping, as stored in the classpath resource. */
  public static TypeMapping mapping() {
    return TypeMapping.of(m -> m.withJson(mappingStream()));
  }

  static InputStream mappingStream() {
    return resource(IndexNames.ARTICLES_MAPPING);
  }

  private static IndexSettings settings(int shards, int replicas, Time refreshInterval) {
    return IndexSettings.of(
        s ->
            s.withJson(resource(IndexNames.ARTICLES_SETTINGS))
                .numberOfShards(Integer.toString(shards))
                .numberOfReplicas(Integer.toString(replicas))
                .refreshInterval(refreshInterval));
  }

  /** The configured refresh interval, for new partitions and existing ones alike. */
  private Time refreshInterval() {
    return Time.of(t -> t.time(config.index().refreshInterval()));
  }

  private static InputStream resource(String name) {
    InputStream in = IndexBootstrap.class.getResourceAsStream(name);
    if (in == null) {
      throw new UncheckedIOException(new IOException("missing resource " + name));
    }
    return in;
  }
}
