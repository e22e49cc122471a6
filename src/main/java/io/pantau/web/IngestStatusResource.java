package io.pantau.web;

import io.pantau.ingest.IngestService;
import io.pantau.ingest.IngestStatus;
import io.pantau.security.RequiresRole;
import io.pantau.security.Role;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** How ingest is doing: backlog, journal, failures, whether Elasticsearch answers. */
@Path("/api/ingest/status")
@Blocking
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Articles")
public class IngestStatusResource {
  private final IngestService ingest;

  IngestStatusResource(IngestService ingest) {
    this.ingest = ingest;
  }

  @GET
  @RequiresRole(Role.viewer)
  @Operation(summary = "Backlog, journal size, counts, retries, the last error, Elasticsearch")
  public IngestStatus status() {
    return ingest.status();
  }
}
