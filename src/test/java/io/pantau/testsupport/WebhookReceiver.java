package io.pantau.testsupport;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** A real HTTP server on loopback that takes webhook calls, for tests; close it after use. */
public final class WebhookReceiver implements AutoCloseable {
  /** One call as received, with its signature headers. */
  public record Call(String signature, String timestamp, String delivery, byte[] body) {
    public String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  private final HttpServer server;
  private final BlockingQueue<Call> calls = new LinkedBlockingQueue<>();
  private final AtomicInteger failuresLeft = new AtomicInteger();

  public WebhookReceiver() {
    this(InetAddress.getLoopbackAddress(), 0);
  }

  /** A receiver on a loopback address and port; port 0 picks a free one. */
  public WebhookReceiver(InetAddress address, int port) {
    if (!address.isLoopbackAddress()) {
      throw new IllegalArgumentException("test receivers listen on loopback only: " + address);
    }
    try {
      server = HttpServer.create(new InetSocketAddress(address, port), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext(
        "/hook",
        exchange -> {
          byte[] body = exchange.getRequestBody().readAllBytes();
          int status = 204;
          if (failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            status = 500;
          } else {
            var h = exchange.getRequestHeaders();
            calls.add(
                new Call(
                    h.getFirst("X-Pantau-Signature"),
                    h.getFirst("X-Pantau-Timestamp"),
                    h.getFirst("X-Pantau-Delivery"),
                    body));
          }
          exchange.sendResponseHeaders(status, -1);
          exchange.close();
        });
    server.start();
  }

  /** The URL to register as the webhook. */
  public String url() {
    return "http://"
        + server.getAddress().getAddress().getHostAddress()
        + ":"
        + server.getAddress().getPort()
        + "/hook";
  }

  /** Answer the next {@code n} calls with HTTP 500. */
  public void failNext(int n) {
    failuresLeft.set(n);
  }

  /** The next successful call, or null when none comes in time. */
  public Call next(Duration wait) throws InterruptedException {
    return calls.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Every successful call that comes within the wait. */
  public List<Call> drain(Duration wait) throws InterruptedException {
    Thread.sleep(wait.toMillis());
    List<Call> out = new ArrayList<>();
    calls.drainTo(out);
    return out;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
