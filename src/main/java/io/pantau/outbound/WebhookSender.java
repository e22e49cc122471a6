package io.pantau.outbound;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Sends webhook calls to URLs that users gave Pantau. Each call passes {@link OutboundGuard} and
 * goes to exactly the address it checked. Redirects are returned, not followed: a caller that
 * follows one sends it through here again, checked and pinned like the first.
 */
@ApplicationScoped
public class WebhookSender {

  /**
   * What the webhook answered; its body is not read.
   *
   * @param status the HTTP status
   * @param location the Location header, for a redirect
   */
  public record Answer(int status, Optional<String> location) {}

  private final OutboundGuard guard;
  private final Connector connector;

  @Inject
  WebhookSender(OutboundGuard guard) {
    this(guard, new Connector());
  }

  WebhookSender(OutboundGuard guard, Connector connector) {
    this.guard = guard;
    this.connector = connector;
  }

  @PreDestroy
  void close() {
    connector.close();
  }

  /**
   * POSTs {@code body} to {@code uri}.
   *
   * @param headers the headers to send besides Host and Content-Length
   * @param timeout how long to wait for the connection, and for the whole answer
   * @throws OutboundRefusedException when the guard refuses the URL
   * @throws FetchException when the webhook cannot be reached or does not answer in time
   */
  public Answer post(URI uri, Map<String, String> headers, byte[] body, Duration timeout) {
    List<InetAddress> checked = guard.check(uri);
    Connector.Answer answer =
        connector.send(
            new Connector.Request(uri, headers, body),
            checked,
            new Connector.Limits(timeout, timeout, 0, true));
    return new Answer(answer.status(), answer.header("Location"));
  }
}
