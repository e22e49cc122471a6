package io.pantau.web;

import io.pantau.security.ApiKeys;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** API key management, for admins. */
@Path("/api/keys")
@Blocking
@Produces(MediaType.APPLICATION_JSON)
@RequiresRole(Role.admin)
@Tag(name = "API keys")
public class KeyResource {
  private final ApiKeys keys;

  KeyResource(ApiKeys keys) {
    this.keys = keys;
  }

  /** A request for a new key. */
  public record NewKey(String name, String role) {}

  @GET
  @Operation(summary = "List active keys (never their secrets)")
  public List<ApiKeys.KeyInfo> list() {
    return keys.list();
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Create a key; the secret is in this answer only")
  public Response create(NewKey request) {
    if (request == null || request.name() == null || request.name().isBlank()) {
      throw new BadRequest("name is required.");
    }
    if (request.name().length() > 100) {
      throw new BadRequest("name is longer than 100 characters.");
    }
    Role role =
        Role.parse(request.role())
            .orElseThrow(() -> new BadRequest("role must be viewer, editor or admin."));
    return Response.status(201).entity(keys.create(request.name().trim(), role)).build();
  }

  @DELETE
  @Path("/{id}")
  @Operation(summary = "Revoke a key")
  public Response revoke(@PathParam("id") long id) {
    if (!keys.revoke(id)) {
      throw new BadRequest(404, "No active key with id " + id + ".", List.of());
    }
    return Response.noContent().build();
  }
}
