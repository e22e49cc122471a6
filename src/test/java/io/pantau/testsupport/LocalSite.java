package io.pantau.testsupport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A small web site on loopback (127.0.0.1 unless told otherwise) for fetcher and feed tests: exact
 * paths mapped to handlers, every request recorded with its headers. Unknown paths answer 404.
 */
public final class LocalSite implements AutoCloseable {

  /** One request as the site saw it; header names in lower case. */
  public record Seen(String path, Map<String, String> headers) {}

  /** Answers one request. */
  public interface Handler {
    void handle(HttpExchange exchange) throws IOException;
  }

  private final HttpServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(4);
  private final Map<String, Handler> routes = new ConcurrentHashMap<>();
  private final List<Seen> seen = new CopyOnWriteArrayList<>();

  private LocalSite(HttpServer server) {
    this.server = server;
  }

  /** Starts a site on a free port of 127.0.0.1. */
  public static LocalSite start() {
    return start(InetAddress.getLoopbackAddress(), 0);
  }

  /** Starts a site on a loopback address and port; port 0 picks a free one. */
  public static LocalSite start(InetAddress address, int port) {
    if (!address.isLoopbackAddress()) {
      throw new IllegalArgumentException("test sites listen on loopback only: " + address);
    }
    try {
      HttpServer s = HttpServer.create(new InetSocketAddress(address, port), 0);
      LocalSite site = new LocalSite(s);
      s.createContext("/", site::dispatch);
      s.setExecutor(site.executor);
      s.start();
      return site;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Serves fixed bytes with status 200 at {@code path}. */
  public LocalSite serve(String path, String contentType, byte[] body) {
    return handle(path, ex -> respond(ex, 200, contentType, body));
  }

  public LocalSite handle(String path, Handler handler) {
    routes.put(path, handler);
    return this;
  }

  /** Answers {@code path} with a redirect to {@code location}. */
  public LocalSite redirect(String path, int status, String location) {
    return handle(
        path,
        ex -> {
          ex.getResponseHeaders().add("Location", location);
          respond(ex, status, null, new byte[0]);
        });
  }

  public URI uri(String path) {
    String host = server.getAddress().getAddress().getHostAddress();
    return URI.create(
        "http://"
            + (host.contains(":") ? "[" + host + "]" : host)
            + ":"
            + server.getAddress().getPort()
            + path);
  }

  /** Every request made, in order. */
  public List<Seen> requests() {
    return List.copyOf(seen);
  }

  /** The requests made for {@code path}, in order. */
  public List<Seen> requests(String path) {
    return seen.stream().filter(s -> s.path().equals(path)).toList();
  }

  /** Sends a whole answer. */
  public static void respond(HttpExchange ex, int status, String contentType, byte[] body)
      throws IOException {
    if (contentType != null) {
      ex.getResponseHeaders().add("Content-Type", contentType);
    }
    boolean empty = body.length == 0 || status == 304;
    ex.sendResponseHeaders(status, empty ? -1 : body.length);
    if (!empty) {
      try (OutputStream out = ex.getResponseBody()) {
        out.write(body);
      }
    }
    ex.close();
  }

  private void dispatch(HttpExchange ex) throws IOException {
    String path = ex.getRequestURI().getRawPath();
    Map<String, String> headers = new ConcurrentHashMap<>();
    ex.getRequestHeaders()
        .forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), String.join(",", v)));
    seen.add(new Seen(path, headers));
    Handler h = routes.get(path);
    try {
      if (h == null) {
        respond(ex, 404, "text/plain", "not here".getBytes());
      } else {
        h.handle(ex);
      }
    } catch (IOException e) {
      // The client went away (e.g. it stopped reading an oversized answer): nothing to do.
      ex.close();
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
