package io.pantau.ingest;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Alive while ingest can accept: its workers run and the backlog has room. An Elasticsearch outage
 * does not make it DOWN (articles wait in the journal); it only shows in the data and in the
 * readiness check of the index.
 */
@Liveness
@ApplicationScoped
class IngestHealthCheck implements HealthCheck {
  private final IngestService ingest;

  IngestHealthCheck(IngestService ingest) {
    this.ingest = ingest;
  }

  @Override
  public HealthCheckResponse call() {
    IngestStatus s = ingest.status();
    return HealthCheckResponse.named("Ingest")
        .status(ingest.workersAlive())
        .withData("backlog", s.backlog())
        .withData("backlogBound", s.backlogBound())
        .withData("journalBytes", s.journalBytes())
        .withData("elasticsearch", s.elasticsearchReachable() ? "reachable" : "unreachable")
        .build();
  }
}
