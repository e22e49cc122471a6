package io.pantau.security;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import java.lang.reflect.Method;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Checks the {@code X-API-Key} header of every {@code /api} call against the role the resource
 * method requires. A method under {@code /api} that declares no role is refused, so a new endpoint
 * cannot be left open by accident.
 */
public class ApiKeyFilter {
  public static final String HEADER = "X-API-Key";

  private final ApiKeys keys;

  ApiKeyFilter(ApiKeys keys) {
    this.keys = keys;
  }

  @ServerRequestFilter(priority = jakarta.ws.rs.Priorities.AUTHENTICATION)
  void check(ContainerRequestContext ctx, ResourceInfo resource) {
    String path = ctx.getUriInfo().getPath();
    if (!path.startsWith("/api/") && !path.equals("/api")) {
      return;
    }
    Role required = required(resource);
    String key = ctx.getHeaderString(HEADER);
    if (key == null || key.isBlank()) {
      throw AccessDeniedException.unauthenticated("Send an API key in the X-API-Key header.");
    }
    Role role =
        keys.authenticate(key)
            .orElseThrow(() -> AccessDeniedException.unauthenticated("The API key is not valid."));
    if (required == null) {
      throw AccessDeniedException.forbidden("This endpoint is not open to any role.");
    }
    if (!role.includes(required)) {
      throw AccessDeniedException.forbidden(
          "This needs the " + required + " role; the key has " + role + ".");
    }
  }

  private static Role required(ResourceInfo resource) {
    Method m = resource.getResourceMethod();
    if (m != null && m.isAnnotationPresent(RequiresRole.class)) {
      return m.getAnnotation(RequiresRole.class).value();
    }
    Class<?> c = resource.getResourceClass();
    if (c != null && c.isAnnotationPresent(RequiresRole.class)) {
      return c.getAnnotation(RequiresRole.class).value();
    }
    return null;
  }
}
