package io.pantau.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pantau.config.ClusterSettings;
import io.pantau.config.PantauConfig;
import io.pantau.index.node.EmbeddedElasticsearch;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import jakarta.interceptor.Interceptor;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.apache.http.Header;
import org.apache.http.HttpHost;
import org.apache.http.message.BasicHeader;
import org.eclipse.microprofile.config.ConfigProvider;
import org.elasticsearch.client.RestClient;
import org.elasticsearch.client.RestClientBuilder;
import org.jboss.logging.Logger;

/**
 * Owns the connection to Elasticsearch. When no cluster is configured ({@code
 * quarkus.elasticsearch.hosts} unset) or {@code pantau.elasticsearch.embedded=true}, it first
 * launches the embedded node under the data directory and stops it when Pantau stops.
 *
 * <p>A configured cluster is reached as {@link ClusterSettings} say: several hosts, a user and
 * password or an API key (sent with every request, never waiting for a challenge), TLS trusting a
 * CA file or a pinned CA fingerprint ({@link ClusterTls}). At start every host is asked once
 * ({@link ClusterProbe}): refused credentials, missing privileges or a TLS failure stop the start
 * with a message naming the host and the setting; an unreachable host is logged.
 */
@ApplicationScoped
public class ElasticsearchConnection {
  private static final Logger LOG = Logger.getLogger(ElasticsearchConnection.class);

  /** The Elasticsearch version the build fetches (see the pom). */
  static final String DISTRIBUTION_VERSION = "8.19.21";

  private final PantauConfig config;
  private final ObjectMapper objectMapper;
  private EmbeddedElasticsearch node;
  private RestClient restClient;
  private ElasticsearchClient client;
  private boolean embedded;
  private ClusterSettings cluster;

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
    ClusterSettings configured =
        ClusterSettings.read(k -> ConfigProvider.getConfig().getOptionalValue(k, String.class));
    embedded = config.elasticsearch().embedded().orElse(configured.hosts().isEmpty());
    if (embedded) {
      node = new EmbeddedElasticsearch(embeddedSettings());
      node.start();
      cluster =
          ClusterSettings.read(
              k ->
                  k.equals(ClusterSettings.HOSTS)
                      ? Optional.of(node.hostAndPort())
                      : Optional.empty());
    } else {
      cluster = configured;
      LOG.infof("Using Elasticsearch at %s as %s", cluster.hosts(), cluster.credentials());
    }
    restClient = restClient(cluster, cluster.hosts());
    client =
        new ElasticsearchClient(
            new RestClientTransport(restClient, new JacksonJsonpMapper(objectMapper)));
    return client;
  }

  /** A low-level client for {@code hosts}, logging in and trusting as the settings say. */
  private RestClient restClient(ClusterSettings settings, List<URI> hosts) {
    HttpHost[] httpHosts =
        hosts.stream()
            .map(h -> new HttpHost(h.getHost(), h.getPort(), h.getScheme()))
            .toArray(HttpHost[]::new);
    int timeoutMs = (int) config.elasticsearch().requestTimeout().toMillis();
    Optional<SSLContext> tls = ClusterTls.context(settings);
    RestClientBuilder b =
        RestClient.builder(httpHosts)
            .setRequestConfigCallback(r -> r.setConnectTimeout(5_000).setSocketTimeout(timeoutMs))
            // The REST client fills an auth cache for every node, and the HTTP client's cache
            // stores each scheme serialised and reads it back through ObjectInputStream on every
            // request: 11% of an analytics call's worker CPU in a profile, cookie handling 5% more.
            // Credentials go in a default header instead (sent at once, no 401 round trip), and
            // Elasticsearch sets no cookies.
            .setHttpClientConfigCallback(
                c -> {
                  c.disableAuthCaching().disableCookieManagement();
                  tls.ifPresent(c::setSSLContext);
                  return c;
                });
    settings
        .authorization()
        .ifPresent(a -> b.setDefaultHeaders(new Header[] {new BasicHeader("Authorization", a)}));
    return b.build();
  }

  /**
   * Asks every configured host once before anything else uses the cluster; a configuration error
   * (401, 403, TLS) stops the start here, with a message naming the host and the setting.
   */
  void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE + 10) StartupEvent event) {
    connect();
    if (!embedded) {
      ClusterProbe.check(cluster, h -> restClient(cluster, List.of(h)));
    }
  }

  /** Why the cluster does not answer right now, in the words of the start-up check. */
  synchronized String problem(Exception e) {
    connect();
    URI host = cluster.hosts().isEmpty() ? URI.create("http://unknown") : cluster.hosts().get(0);
    return ClusterProbe.describe(host, e, cluster).message();
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

  /** Last of the shutdown steps: ingest and alerts drain through the client before it closes. */
  void onStop(@Observes @Priority(Interceptor.Priority.PLATFORM_AFTER) ShutdownEvent event) {
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
