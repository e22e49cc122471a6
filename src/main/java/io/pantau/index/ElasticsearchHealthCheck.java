package io.pantau.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.HealthStatus;
import co.elastic.clients.elasticsearch.cluster.HealthResponse;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** Ready when Elasticsearch answers and the cluster is not red. */
@Readiness
@ApplicationScoped
class ElasticsearchHealthCheck implements HealthCheck {
  private final ElasticsearchClient es;
  private final ElasticsearchConnection connection;

  ElasticsearchHealthCheck(ElasticsearchClient es, ElasticsearchConnection connection) {
    this.es = es;
    this.connection = connection;
  }

  @Override
  public HealthCheckResponse call() {
    HealthCheckResponseBuilder b = HealthCheckResponse.named("Elasticsearch");
    try {
      HealthResponse health = es.cluster().health(h -> h.timeout(t -> t.time("2s")));
      HealthStatus status = health.status();
      return b.status(status != HealthStatus.Red)
          .withData("status", status.jsonValue())
          .withData("nodes", health.numberOfNodes())
          .withData("unassignedShards", health.unassignedShards())
          .withData("embedded", connection.isEmbedded())
          .withData("hosts", String.join(",", connection.hosts()))
          .build();
    } catch (Exception e) {
      // Degraded, not dead: ingest keeps accepting into its journal and drains when it is back.
      return b.down()
          .withData("error", connection.problem(e))
          .withData("ingest", "accepting into the journal; indexing resumes when reachable")
          .build();
    }
  }
}
