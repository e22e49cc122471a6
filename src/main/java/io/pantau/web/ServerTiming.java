package io.pantau.web;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The {@code Server-Timing} header of every answer: {@code total}, from the request's arrival at
 * the router to its headers going out (the answer's body is rendered by then), and for analytics
 * {@code es}, the time spent waiting for Elasticsearch. Lets a client, and the benchmark, tell
 * Pantau's share of a slow answer from the network's and Elasticsearch's.
 */
@ApplicationScoped
class ServerTiming {
  private static final String ES_NANOS = "pantau.server-timing.es";

  void install(@Observes Router router) {
    router
        .route()
        .order(Integer.MIN_VALUE + 1)
        .handler(
            ctx -> {
              long start = System.nanoTime();
              ctx.addHeadersEndHandler(
                  v -> ctx.response().putHeader("Server-Timing", header(ctx, start)));
              ctx.next();
            });
  }

  /** Records the request's time in Elasticsearch; nothing happens outside an HTTP request. */
  static void elasticsearch(RoutingContext ctx, long nanos) {
    if (ctx != null) {
      ctx.put(ES_NANOS, nanos);
    }
  }

  private static String header(RoutingContext ctx, long start) {
    String total = "total;dur=" + ms(System.nanoTime() - start);
    Long es = ctx.get(ES_NANOS);
    return es == null ? total : "es;dur=" + ms(es) + ", " + total;
  }

  /**
   * Milliseconds with two decimals, rounded half up; written by hand because {@code String.format}
   * builds a formatter and looks up locale symbols on every answer.
   */
  static String ms(long nanos) {
    long hundredths = (Math.max(0, nanos) + 5_000) / 10_000;
    long fraction = hundredths % 100;
    return (hundredths / 100) + (fraction < 10 ? ".0" : ".") + fraction;
  }
}
