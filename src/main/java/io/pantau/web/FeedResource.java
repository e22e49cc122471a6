package io.pantau.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pantau.feeds.FeedException;
import io.pantau.feeds.FeedStatus;
import io.pantau.feeds.Feeds;
import io.pantau.feeds.PollReport;
import io.pantau.security.RequiresRole;
import io.pantau.security.Role;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Registering, inspecting and polling RSS, Atom and JSON feeds. */
@Path("/api/feeds")
@Blocking
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Feeds")
public class FeedResource {
  private final Feeds feeds;
  private final ObjectMapper json;

  FeedResource(Feeds feeds, ObjectMapper json) {
    this.feeds = feeds;
    this.json = json;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RequiresRole(Role.editor)
  @Operation(summary = "Register a feed: {url, source?, pollMinutes?}; it is fetched once to check")
  public Response register(InputStream body) throws IOException {
    byte[] bytes = Params.readBounded(body);
    if (bytes.length == 0) {
      throw new BadRequest("The body is empty.");
    }
    NewFeed request = NewFeed.of(json.readTree(bytes));
    FeedStatus created =
        call(() -> feeds.register(request.url(), request.source(), request.pollMinutes()));
    return Response.status(201).entity(created).build();
  }

  @GET
  @RequiresRole(Role.viewer)
  @Operation(summary = "List feeds with their polling status and counters")
  public List<FeedStatus> list() {
    return feeds.list();
  }

  @GET
  @Path("/{id}")
  @RequiresRole(Role.viewer)
  @Operation(summary = "Read one feed with its polling status and counters")
  public FeedStatus get(@PathParam("id") String id) {
    long feedId = parseId(id);
    return feeds.find(feedId).orElseThrow(() -> notFound(feedId));
  }

  @DELETE
  @Path("/{id}")
  @RequiresRole(Role.editor)
  @Operation(summary = "Remove a feed (its articles stay)")
  public Response delete(@PathParam("id") String id) {
    long feedId = parseId(id);
    if (!feeds.delete(feedId)) {
      throw notFound(feedId);
    }
    return Response.noContent().build();
  }

  @POST
  @Path("/{id}/_poll")
  @RequiresRole(Role.editor)
  @Operation(summary = "Poll a feed now; answers what the poll took and ingested")
  public PollReport poll(@PathParam("id") String id, @QueryParam("refresh") String refresh) {
    long feedId = parseId(id);
    boolean wantRefresh = Params.refresh(refresh);
    return call(() -> feeds.poll(feedId, wantRefresh));
  }

  /** The body of {@code POST /api/feeds}. */
  record NewFeed(String url, String source, Integer pollMinutes) {
    static NewFeed of(JsonNode node) {
      if (node == null || !node.isObject()) {
        throw new BadRequest("The body must be a JSON object with url.");
      }
      return new NewFeed(string(node, "url"), string(node, "source"), integer(node, "pollMinutes"));
    }

    private static String string(JsonNode node, String field) {
      JsonNode v = node.get(field);
      if (v == null || v.isNull()) {
        return null;
      }
      if (!v.isTextual()) {
        throw new BadRequest(field + " must be a string.");
      }
      return v.asText();
    }

    private static Integer integer(JsonNode node, String field) {
      JsonNode v = node.get(field);
      if (v == null || v.isNull()) {
        return null;
      }
      if (!v.isInt()) {
        throw new BadRequest(field + " must be a whole number.");
      }
      return v.asInt();
    }
  }

  private static <T> T call(Supplier<T> action) {
    try {
      return action.get();
    } catch (FeedException e) {
      int status =
          switch (e.kind()) {
            case invalid -> 400;
            case notFound -> 404;
            case conflict, busy -> 409;
          };
      throw new BadRequest(status, e.getMessage(), List.of());
    }
  }

  private static long parseId(String id) {
    try {
      return Long.parseLong(id);
    } catch (NumberFormatException e) {
      throw new BadRequest(404, "No feed with id " + id + ".", List.of());
    }
  }

  private static BadRequest notFound(long id) {
    return new BadRequest(404, "No feed with id " + id + ".", List.of());
  }
}
