package io.pantau.web;

import io.pantau.alerts.AlertEventView;
import io.pantau.alerts.AlertPreview;
import io.pantau.alerts.AlertView;
import io.pantau.alerts.Alerts;
import io.pantau.alerts.InvalidAlertException;
import io.pantau.security.ApiKeyFilter;
import io.pantau.security.ApiKeys;
import io.pantau.security.RequiresRole;
import io.pantau.security.Role;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Alert rules, their events and query previews. */
@Path("/api/alerts")
@Blocking
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Alerts")
public class AlertResource {
  private final Alerts alerts;
  private final ApiKeys keys;

  AlertResource(Alerts alerts, ApiKeys keys) {
    this.alerts = alerts;
    this.keys = keys;
  }

  /** The body of {@code POST /api/alerts/preview}. */
  public record PreviewRequest(String query) {}

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RequiresRole(Role.editor)
  @Operation(summary = "Create an alert rule; the answer holds the webhook secret, this once")
  public Response create(AlertRequest request, @HeaderParam(ApiKeyFilter.HEADER) String key) {
    AlertView created = valid(() -> alerts.create(require(request).toDraft(), owner(key)));
    return Response.status(201).entity(created).build();
  }

  @GET
  @RequiresRole(Role.viewer)
  @Operation(summary = "List alert rules (webhook URLs masked for viewers)")
  public List<AlertView> list(@HeaderParam(ApiKeyFilter.HEADER) String key) {
    List<AlertView> all = alerts.list();
    return seesWebhookUrls(key) ? all : all.stream().map(AlertView::withWebhooksMasked).toList();
  }

  @GET
  @Path("/{id}")
  @RequiresRole(Role.viewer)
  @Operation(summary = "Read one alert rule (webhook URLs masked for viewers)")
  public AlertView get(@PathParam("id") long id, @HeaderParam(ApiKeyFilter.HEADER) String key) {
    AlertView v = alerts.get(id).orElseThrow(() -> notFound(id));
    return seesWebhookUrls(key) ? v : v.withWebhooksMasked();
  }

  @PUT
  @Path("/{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @RequiresRole(Role.editor)
  @Operation(summary = "Replace an alert rule's settings")
  public AlertView update(@PathParam("id") long id, AlertRequest request) {
    return valid(() -> alerts.update(id, require(request).toDraft()))
        .orElseThrow(() -> notFound(id));
  }

  @DELETE
  @Path("/{id}")
  @RequiresRole(Role.editor)
  @Operation(summary = "Delete an alert rule and its events")
  public Response delete(@PathParam("id") long id) {
    if (!alerts.delete(id)) {
      throw notFound(id);
    }
    return Response.noContent().build();
  }

  @GET
  @Path("/{id}/events")
  @RequiresRole(Role.viewer)
  @Operation(summary = "What the rule fired, when, for which articles, delivered or not")
  public List<AlertEventView> events(
      @PathParam("id") long id,
      @QueryParam("limit") @DefaultValue("100") String limit,
      @HeaderParam(ApiKeyFilter.HEADER) String key) {
    int n = Params.integer("limit", limit);
    if (n < 1 || n > 1000) {
      throw new BadRequest("limit must be 1 to 1000.");
    }
    List<AlertEventView> events = alerts.events(id, n).orElseThrow(() -> notFound(id));
    return seesWebhookUrls(key)
        ? events
        : events.stream().map(AlertEventView::withWebhooksMasked).toList();
  }

  @POST
  @Path("/preview")
  @Consumes(MediaType.APPLICATION_JSON)
  @RequiresRole(Role.viewer)
  @Operation(summary = "How many articles of the last 30 days a query matches, with samples")
  public AlertPreview preview(PreviewRequest request) {
    if (request == null) {
      throw new BadRequest("The body must be {\"query\": ...}.");
    }
    return valid(() -> alerts.preview(request.query()));
  }

  private static AlertRequest require(AlertRequest request) {
    if (request == null) {
      throw new BadRequest("The body must be an alert rule.");
    }
    return request;
  }

  private static <T> T valid(Supplier<T> call) {
    try {
      return call.get();
    } catch (InvalidAlertException e) {
      throw new BadRequest(
          400,
          e.getMessage(),
          List.of(new Problem.ItemError(e.field(), null, null, e.getMessage())));
    }
  }

  private static BadRequest notFound(long id) {
    return new BadRequest(404, "No alert with id " + id + ".", List.of());
  }

  /**
   * Whether the caller may read webhook URLs: editors and admins, who may change the rules anyway.
   * Viewers get them masked, as a webhook URL often is the bearer secret of its channel.
   */
  private boolean seesWebhookUrls(String key) {
    return keys.authenticate(key).map(r -> r.includes(Role.editor)).orElse(false);
  }

  /** The name of the caller's key: its configured name, or the stored key's name and id. */
  private String owner(String key) {
    return keys.owner(key).orElse("unknown");
  }
}
