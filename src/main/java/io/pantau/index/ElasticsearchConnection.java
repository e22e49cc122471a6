package io.pantau.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pantau.config.PantauConfig;
import io.pantau.index.node.EmbeddedElasticsearch;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.http.HttpHost;
import org.eclipse.microprofile.config.ConfigProvider;
import org.elasticsearch.client.RestClient;
import org.jboss.logging.Logger;

/**
 * Owns the connection to Elasticsearch. When no cluster is configured ({@code
 * quarkus.elasticsearch.hosts} unset) or {@code pantau.elasticsearch.embedded=true}, it first
 * launches the embedded node under the data directory and stops it when Pantau stops.
 */
@ApplicationScoped
public class ElasticsearchConnection {
  private static final Logger LOG = Logger.getLogger(ElasticsearchConnection.class);
  static final String HOSTS_KEY = "quarkus.elasticsearch.hosts";

  /** The Elasticsearch version the build fetches (see the pom). */
  static final String DISTRIBUTION_VERSION = "8.19.21";

  private final PantauConfig config;
  private final ObjectMapper objectMapper;
  private EmbeddedElasticsearch node;
  private RestClient restClient;
  private ElasticsearchClient client;
  private boolean embedded;

  ElasticsearchConnection(PantauConfig config, ObjectMapper objectMapper) {
    this.config = config;
    this.objectMapper = objectMapper;
  }

  /** True when Pantau runs its own node rather than using a configured cluster. */
  public synchronized boolean isEmbedded() {
    connect();
    return embedded;
  }

  /** The hosts Pantau talks to, e.g. {@code [127.0.0.1:9200]}. */
  public synchronized List<String> hosts() {
    connect();
    return restClient.getNodes().stream().map(n -> n.getHost().toHostString()).toList();
  }

  @Produces
  @Singleton
  ElasticsearchClient client() {
    return connect();
  }

  private synchronized ElasticsearchClient connect() {
    if (client != null) {
      return client;
    }
    Optional<String> hosts =
        ConfigProvider.getConfig()
            .getOptionalValue(HOSTS_KEY, String.class)
            .filter(h -> !h.isBlank());
    embedded = config.elasticsearch().embedded().orElse(hosts.isEmpty());
    List<String> targets;
    if (embedded) {
      node = new EmbeddedElasticsearch(embeddedSettings());
      node.start();
      targets = List.of(node.hostAndPort());
    } else {
      targets = Arrays.stream(hosts.orElseThrow().split(",")).map(String::trim).toList();
      LOG.infof("Using Elasticsearch at %s", targets);
    }
    HttpHost[] httpHosts =
        targets.stream()
            .map(h -> h.contains("://") ? HttpHost.create(h) : HttpHost.create("http://" + h))
            .toArray(HttpHost[]::new);
    int timeoutMs = (int) config.elasticsearch().requestTimeout().toMillis();
    restClient =
        RestClient.builder(httpHosts)
            .setRequestConfigCallback(b -> b.setConnectTimeout(5_000).setSocketTimeout(timeoutMs))
            // The REST client fills an auth cache for every node, and the HTTP client's cache
            // stores each scheme serialised and reads it back through ObjectInputStream on every
            // request: 11% of an analytics call's worker CPU in a profile, cookie handling 5% more.
            // Pantau sends no credentials and Elasticsearch sets no cookies.
            .setHttpClientConfigCallback(b -> b.disableAuthCaching().disableCookieManagement())
            .build();
    client =
        new ElasticsearchClient(
            new RestClientTransport(restClient, new JacksonJsonpMapper(objectMapper)));
    return client;
  }

  private EmbeddedElasticsearch.Settings embeddedSettings() {
    Path zip = config.elasticsearch().distribution().orElseGet(ElasticsearchConnection::builtZip);
    return new EmbeddedElasticsearch.Settings(
        zip,
        config.dataDir().resolve("elasticsearch"),
        config.elasticsearch().port(),
        config.elasticsearch().heap(),
        config.elasticsearch().startTimeout(),
        null);
  }

  /** The zip the Maven build copied; found from the working directory (the repo root). */
  private static Path builtZip() {
    Path dir = Path.of("target", "elasticsearch");
    if (Files.isDirectory(dir)) {
      try (var files = Files.list(dir)) {
        Optional<Path> zip =
            files.filter(p -> p.getFileName().toString().endsWith(".zip")).sorted().findFirst();
        if (zip.isPresent()) {
          return zip.get();
        }
      } catch (IOException e) {
        LOG.warnf("Cannot list %s: %s", dir, e.getMessage());
      }
    }
    // Run from elsewhere than the repo: the copy Maven keeps in the local repository.
    return Path.of(
        System.getProperty("user.home"),
        ".m2/repository/org/elasticsearch/distribution/integ-test-zip/elasticsearch",
        DISTRIBUTION_VERSION,
        "elasticsearch-" + DISTRIBUTION_VERSION + ".zip");
  }

  void onStop(@Observes ShutdownEvent event) {
    close();
  }

  @PreDestroy
  synchronized void close() {
    if (restClient != null) {
      try {
        restClient.close();
      } catch (IOException e) {
        LOG.debug("closing the REST client", e);
      }
      restClient = null;
      client = null;
    }
    if (node != null) {
      node.stop();
      node = null;
    }
  }
}
