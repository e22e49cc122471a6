package io.pantau.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import io.pantau.config.PantauConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.jboss.logging.Logger;

/** Creates the {@code pantau-trends} index with its mapping, idempotently, on first use. */
@ApplicationScoped
class TrendsIndex {
  private static final Logger LOG = Logger.getLogger(TrendsIndex.class);

  /** The index of daily trend documents. */
  static final String NAME = IndexNames.TRENDS;

  /** The classpath resource holding its mapping. */
  static final String MAPPING = IndexNames.TRENDS_MAPPING;

  private final ElasticsearchClient es;
  private final PantauConfig config;
  private final ElasticsearchConnection connection;
  private volatile boolean ready;

  TrendsIndex(ElasticsearchClient es, PantauConfig config, ElasticsearchConnection connection) {
    this.es = es;
    this.config = config;
    this.connection = connection;
  }

  void ensure() {
    if (ready) {
      return;
    }
    int replicas = config.index().replicas().orElse(connection.isEmbedded() ? 0 : 1);
    try {
      boolean exists = es.indices().exists(e -> e.index(NAME)).value();
      if (exists) {
        // New fields reach an existing index; a changed type fails here, loudly.
        es.indices().putMapping(m -> m.index(NAME).withJson(mapping()));
      } else {
        es.indices()
            .create(
                c ->
                    c.index(NAME)
                        .mappings(m -> m.withJson(mapping()))
                        .settings(
                            s ->
                                s.numberOfShards("1")
                                    .numberOfReplicas(Integer.toString(replicas))));
        LOG.infof("Created index %s", NAME);
      }
    } catch (ElasticsearchException e) {
      // Another instance created it between the check and the create.
      if (!"resource_already_exists_exception".equals(e.error().type())) {
        throw new IndexUnavailableException(
            "Cannot create index " + NAME + ": " + e.getMessage(), e);
      }
    } catch (IOException e) {
      throw new IndexUnavailableException("Cannot create index " + NAME + ": " + e.getMessage(), e);
    }
    ready = true;
  }

  static InputStream mapping() {
    InputStream in = TrendsIndex.class.getResourceAsStream(MAPPING);
    if (in == null) {
      throw new UncheckedIOException(new IOException("missing resource " + MAPPING));
    }
    return in;
  }
}
