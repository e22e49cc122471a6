package io.pantau.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pantau.article.RawArticle;
import io.pantau.ingest.IngestBusyException;
import io.pantau.ingest.IngestService;
import io.pantau.ingest.ItemResult;
import io.pantau.security.RequiresRole;
import io.pantau.security.Role;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Submitting many articles as NDJSON, streamed: lines are read up to a bound each, and valid ones
 * submitted in chunks of the ingest batch size as they come.
 */
@Path("/api")
@Blocking
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Articles")
public class BulkResource {
  static final String NDJSON = "application/x-ndjson";

  private final IngestService ingest;
  private final ObjectMapper json;

  BulkResource(IngestService ingest, ObjectMapper json) {
    this.ingest = ingest;
    this.json = json;
  }

  @POST
  @Path("/articles/_bulk")
  @Consumes(NDJSON)
  @RequiresRole(Role.editor)
  @Operation(
      summary = "Submit many articles as NDJSON, one JSON object a line, streamed",
      description =
          "Accepted articles are journaled before the answer. When the backlog fills up part"
              + " way, the lines from there on are rejected one by one with an error saying to"
              + " retry them (and a Retry-After header); when nothing could be accepted the"
              + " answer is 429.")
  public Response bulk(InputStream body, @QueryParam("refresh") String refresh) throws IOException {
    List<IngestAnswer.Item> items = new ArrayList<>();
    List<CompletableFuture<ItemResult>> pending = new ArrayList<>();
    List<Integer> pendingLines = new ArrayList<>();
    List<Integer> pendingSlots = new ArrayList<>();
    BulkChunk chunk = new BulkChunk();
    boolean wantRefresh = Params.refresh(refresh);
    int lineNo = 0;
    IngestBusyException busy = null;
    try (InputStreamReader reader = new InputStreamReader(body, StandardCharsets.UTF_8)) {
      BoundedLineReader in = new BoundedLineReader(reader, Params.MAX_REQUEST_BYTES);
      for (String line; (line = in.next()) != null; ) {
        lineNo++;
        if (line.isBlank()) {
          continue;
        }
        RawArticleJson.Parsed p;
        if (line == BoundedLineReader.TOO_LONG) {
          p =
              new RawArticleJson.Parsed(
                  null,
                  List.of("the line is longer than " + Params.MAX_REQUEST_BYTES + " characters"));
        } else {
          try {
            p = RawArticleJson.parse(json.readTree(line));
          } catch (JsonProcessingException e) {
            p = new RawArticleJson.Parsed(null, List.of("not valid JSON"));
          }
        }
        if (p.article() == null) {
          items.add(
              new IngestAnswer.Item(null, "rejected", String.join("; ", p.problems()), lineNo));
          continue;
        }
        if (busy != null) {
          items.add(new IngestAnswer.Item(null, "rejected", notAccepted(busy), lineNo));
          continue;
        }
        chunk.add(p.article(), lineNo, items.size());
        items.add(null);
        if (chunk.raws.size() >= ingest.batchSize()) {
          busy = submitChunk(chunk, wantRefresh, items, pending, pendingLines, pendingSlots);
          chunk = new BulkChunk();
        }
      }
    }
    if (busy == null && !chunk.raws.isEmpty()) {
      busy = submitChunk(chunk, wantRefresh, items, pending, pendingLines, pendingSlots);
    }
    if (busy != null && pending.isEmpty()) {
      throw busy;
    }
    List<ItemResult> results = IngestService.await(pending, ingest.syncWait());
    for (int k = 0; k < results.size(); k++) {
      items.set(pendingSlots.get(k), IngestAnswer.Item.of(results.get(k), pendingLines.get(k)));
    }
    int rejected = (int) items.stream().filter(i -> "rejected".equals(i.status())).count();
    IngestAnswer answer = new IngestAnswer(items.size() - rejected, rejected, items);
    Response.ResponseBuilder r = Response.status(answer.httpStatus()).entity(answer);
    if (busy != null) {
      r.header("Retry-After", Long.toString(Math.max(1, busy.retryAfter().toSeconds())));
    }
    return r.build();
  }

  /** Valid lines of a bulk request waiting to be submitted together. */
  private static final class BulkChunk {
    final List<RawArticle> raws = new ArrayList<>();
    final List<Integer> lines = new ArrayList<>();
    final List<Integer> slots = new ArrayList<>();

    void add(RawArticle raw, int line, int slot) {
      raws.add(raw);
      lines.add(line);
      slots.add(slot);
    }
  }

  /**
   * Submits a chunk; all of it or none is accepted. When the backlog is full, its lines are
   * rejected with a retry error and the refusal is returned, so the rest of the request is too.
   */
  private IngestBusyException submitChunk(
      BulkChunk chunk,
      boolean refresh,
      List<IngestAnswer.Item> items,
      List<CompletableFuture<ItemResult>> pending,
      List<Integer> pendingLines,
      List<Integer> pendingSlots) {
    try {
      pending.addAll(ingest.submit(chunk.raws, refresh, ingest.syncWait()));
      pendingLines.addAll(chunk.lines);
      pendingSlots.addAll(chunk.slots);
      return null;
    } catch (IngestBusyException e) {
      for (int k = 0; k < chunk.raws.size(); k++) {
        items.set(
            chunk.slots.get(k),
            new IngestAnswer.Item(null, "rejected", notAccepted(e), chunk.lines.get(k)));
      }
      return e;
    }
  }

  private static String notAccepted(IngestBusyException e) {
    return "not accepted, retry this line later: " + e.getMessage();
  }
}
