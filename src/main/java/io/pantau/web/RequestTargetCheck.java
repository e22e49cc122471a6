package io.pantau.web;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.regex.Pattern;

/**
 * Refuses a request whose target is not a valid URI (characters outside RFC 3986, a broken {@code
 * %} escape), whose request line is over {@link #MAX_REQUEST_LINE} characters, or whose {@code
 * Content-Type} is not a media type (the REST layer would fail on it with a 500), with a problem
 * body, before any other route sees it.
 *
 * <p>Quarkus would refuse an invalid target itself, with a bare 400 and no body, unless the system
 * property {@code vertx.disableURIValidation} is set ({@link io.pantau.PantauMain} sets it): this
 * check takes its place. Request lines over the HTTP codec's limit ({@code
 * quarkus.http.limits.max-initial-line-length}, four times this one) never reach any handler and
 * still get the codec's bare 414.
 */
@ApplicationScoped
class RequestTargetCheck {
  /** The longest request line (method, target and protocol) answered other than 414. */
  static final int MAX_REQUEST_LINE = 16_384;

  /** {@code type/subtype} (RFC 9110 tokens), then optional parameters. */
  private static final Pattern MEDIA_TYPE =
      Pattern.compile("\\s*[-!#$%&'*+.^_`|~0-9A-Za-z]+/[-!#$%&'*+.^_`|~0-9A-Za-z]+\\s*(;.*)?");

  void install(@Observes Router router) {
    router.route().order(Integer.MIN_VALUE + 1).handler(RequestTargetCheck::check);
  }

  private static void check(RoutingContext ctx) {
    HttpServerRequest request = ctx.request();
    String target = request.uri();
    if (target == null) {
      refuse(ctx, 400, "Bad Request", "The request has no target.");
      return;
    }
    int line = request.method().name().length() + target.length() + " HTTP/1.1".length() + 1;
    if (line > MAX_REQUEST_LINE) {
      refuse(
          ctx,
          414,
          "URI Too Long",
          "The request line is "
              + line
              + " characters long; at most "
              + MAX_REQUEST_LINE
              + " are accepted. Send long queries in a request body where the endpoint takes one.");
      return;
    }
    try {
      new URI(target);
    } catch (URISyntaxException e) {
      refuse(
          ctx,
          400,
          "Bad Request",
          "The request target is not a valid URI: "
              + e.getReason()
              + " at index "
              + e.getIndex()
              + ". Percent-encode characters outside RFC 3986.");
      return;
    }
    String contentType = request.getHeader("Content-Type");
    if (contentType != null && !MEDIA_TYPE.matcher(contentType).matches()) {
      refuse(
          ctx,
          400,
          "Bad Request",
          "The Content-Type header is not a media type (type/subtype): "
              + (contentType.length() > 100 ? contentType.substring(0, 100) + "…" : contentType));
      return;
    }
    ctx.next();
  }

  private static void refuse(RoutingContext ctx, int status, String title, String detail) {
    JsonObject body =
        new JsonObject()
            .put("type", "about:blank")
            .put("title", title)
            .put("status", status)
            .put("detail", detail);
    ctx.response()
        .setStatusCode(status)
        .putHeader("Content-Type", Problem.MEDIA_TYPE)
        .end(body.encode());
  }
}
