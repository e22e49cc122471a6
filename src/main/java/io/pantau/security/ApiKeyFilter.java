package io.pantau.security;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Checks the {@code X-API-Key} header of every {@code /api} call against the role the resource
 * method requires. A method under {@code /api} that declares no role is refused, so a new endpoint
 * cannot be left open by accident.
 *
 * <p>Wrong keys are counted per client address ({@link FailureLimiter}): past the limit, the
 * address gets 429 for keys that have not worked from it, without the key being looked up.
 */
public class ApiKeyFilter {
  public static final String HEADER = "X-API-Key";

  private final ApiKeys keys;
  private final FailureLimiter limiter;

  ApiKeyFilter(ApiKeys keys, FailureLimiter limiter) {
    this.keys = keys;
    this.limiter = limiter;
  }

  @ServerRequestFilter(priority = jakarta.ws.rs.Priorities.AUTHENTICATION)
  void check(ContainerRequestContext ctx, ResourceInfo resource, HttpServerRequest request) {
    String path = ctx.getUriInfo().getPath();
    if (!path.startsWith("/api/") && !path.equals("/api")) {
      return;
    }
    Role required = required(resource);
    String key = ctx.getHeaderString(HEADER);
    if (key == null || key.isBlank()) {
      throw AccessDeniedException.unauthenticated("Send an API key in the X-API-Key header.");
    }
    SocketAddress remote = request.remoteAddress();
    String client = FailureLimiter.clientOf(remote == null ? null : remote.host());
    String hash = ApiKeys.hash(key.trim());
    Optional<Duration> wait = limiter.refusal(client, hash);
    if (wait.isPresent()) {
      throw AccessDeniedException.tooManyFailures(wait.get());
    }
    Optional<Role> found = keys.authenticate(key);
    if (found.isEmpty()) {
      limiter.failed(client);
      throw AccessDeniedException.unauthenticated("The API key is not valid.");
    }
    limiter.succeeded(client, hash);
    Role role = found.get();
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
