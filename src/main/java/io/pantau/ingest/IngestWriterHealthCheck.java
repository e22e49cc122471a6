package io.pantau.ingest;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready while accepted articles reach the index: DOWN once an index write has been failing for
 * longer than {@code pantau.ingest.stuck-after}. Elasticsearch can answer its health check while
 * refusing every write (a full shard budget, a write block, a broken mapping); without this check
 * such an instance stayed in rotation, accepting articles it could not store.
 */
@Readiness
@ApplicationScoped
class IngestWriterHealthCheck implements HealthCheck {
  private final IngestService ingest;

  IngestWriterHealthCheck(IngestService ingest) {
    this.ingest = ingest;
  }

  @Override
  public HealthCheckResponse call() {
    IngestStatus.Writer w = ingest.writerState();
    HealthCheckResponseBuilder b =
        HealthCheckResponse.named("Ingest writer")
            .status(w.state() != IngestStatus.Writer.State.stuck)
            .withData("state", w.state().name());
    w.retryingSince().ifPresent(t -> b.withData("retryingSince", t.toString()));
    return b.build();
  }
}
