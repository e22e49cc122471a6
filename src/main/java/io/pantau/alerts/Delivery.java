package io.pantau.alerts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.pantau.config.PantauConfig;
import io.pantau.outbound.OutboundGuard;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Sends notifications to webhooks and e-mail addresses, retrying with exponential backoff; each
 * notification and channel is one {@link AlertEvent} whose status and attempts follow every try.
 *
 * <p>Webhooks: POST of the JSON payload signed with the rule's secret, a timestamp and a delivery
 * id that stays the same across retries ({@link Signature}), a connect and a request timeout, no
 * automatic redirects: a 307 or 308 is followed by hand (at most {@link #MAX_REDIRECTS}) after the
 * {@link OutboundGuard} has passed the new address, as it passed the first.
 */
@ApplicationScoped
class Delivery {
  private static final Logger LOG = Logger.getLogger(Delivery.class);
  static final int MAX_REDIRECTS = 3;
  private static final Duration MAX_BACKOFF = Duration.ofMinutes(10);

  private final OutboundGuard guard;
  private final Mailer mailer;
  private final ObjectMapper json;
  private final PantauConfig.Alerts settings;
  private final HttpClient http;
  private final Timer latency;
  private final ScheduledExecutorService executor =
      Executors.newScheduledThreadPool(
          2,
          r -> {
            Thread t = new Thread(r, "pantau-alert-delivery");
            t.setDaemon(true);
            return t;
          });

  Delivery(
      Mailer mailer,
      ObjectMapper json,
      PantauConfig config,
      OutboundGuard guard,
      MeterRegistry registry) {
    this.guard = guard;
    this.mailer = mailer;
    this.json = json;
    this.settings = config.alerts();
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(settings.webhookTimeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    this.latency =
        Timer.builder("pantau.alert.latency")
            .description("From an article's acceptance by ingest to its alert's delivery")
            .publishPercentileHistogram()
            .register(registry);
  }

  @PreDestroy
  void stop() {
    executor.shutdownNow();
  }

  /**
   * Records one pending event per channel and starts delivering them.
   *
   * @param acceptedAt when ingest accepted the article, to measure latency (real-time matches)
   */
  void send(RuleSnapshot rule, AlertPayload payload, String storyId, Optional<Instant> acceptedAt) {
    byte[] body;
    try {
      body = json.writeValueAsBytes(payload);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the payload is plain records", e);
    }
    for (AlertChannel channel : rule.channels()) {
      long eventId =
          QuarkusTransaction.requiringNew()
              .call(
                  () -> {
                    AlertEvent e = new AlertEvent();
                    e.ruleId = rule.id();
                    e.firedAt = payload.firedAt();
                    e.kind = payload.kind();
                    e.storyId = storyId;
                    e.articleIds = clip(payload.articleIds(), 4000);
                    e.channel = clip(channel.target(), 600);
                    e.status = "pending";
                    e.attempts = 0;
                    e.summary = payload.summary();
                    e.persist();
                    return e.id;
                  });
      // One id per notification and channel, kept across its retries, so that a receiver can
      // tell a retry of a delivery it already took from a new one.
      String deliveryId = UUID.randomUUID().toString();
      executor.execute(
          () -> attempt(eventId, deliveryId, rule, channel, payload, body, acceptedAt, 1));
    }
  }

  private void attempt(
      long eventId,
      String deliveryId,
      RuleSnapshot rule,
      AlertChannel channel,
      AlertPayload payload,
      byte[] body,
      Optional<Instant> acceptedAt,
      int attempt) {
    String error = null;
    try {
      if (AlertChannel.WEBHOOK.equals(channel.type())) {
        postWebhook(URI.create(channel.url()), body, rule.secret(), deliveryId);
      } else {
        sendMail(channel.to(), payload);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      error = "interrupted";
    } catch (Exception e) {
      error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
    boolean done = error == null;
    boolean last = attempt >= settings.maxAttempts();
    String status = done ? "delivered" : last ? "failed" : "pending";
    String lastError = error;
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              AlertEvent e = AlertEvent.findById(eventId);
              if (e != null) {
                e.attempts = attempt;
                e.status = status;
                e.lastError = lastError == null ? null : clip(lastError, 1000);
              }
            });
    if (done) {
      acceptedAt.ifPresent(t -> latency.record(Duration.between(t, Instant.now())));
      return;
    }
    if (last) {
      // Name, target and error are outside text (the error may quote what the receiver sent);
      // the webhook URL is masked as for viewers, since it may be the channel's secret.
      LOG.warnf(
          "Alert %d (%s): giving up on %s after %d attempts: %s",
          rule.id(),
          LogText.of(rule.name()),
          LogText.of(channel.masked().target()),
          attempt,
          LogText.of(error));
      return;
    }
    long delayMs = backoff(attempt).toMillis();
    executor.schedule(
        () -> attempt(eventId, deliveryId, rule, channel, payload, body, acceptedAt, attempt + 1),
        delayMs,
        TimeUnit.MILLISECONDS);
  }

  /** Doubles from the configured first delay with each failed attempt, up to a cap. */
  Duration backoff(int failedAttempts) {
    Duration d = settings.retryBackoff().multipliedBy(1L << Math.min(failedAttempts - 1, 20));
    return d.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : d;
  }

  private void postWebhook(URI uri, byte[] body, String secret, String deliveryId)
      throws IOException, InterruptedException {
    // Signed afresh on each attempt: a retry carries the time it was sent, so a receiver's clock
    // check does not refuse it for the delays before it.
    long timestamp = Instant.now().getEpochSecond();
    String signature = Signature.sign(timestamp, deliveryId, body, secret);
    URI target = uri;
    for (int hop = 0; ; hop++) {
      guard.check(target);
      HttpRequest request =
          HttpRequest.newBuilder(target)
              .timeout(settings.webhookTimeout())
              .header("Content-Type", "application/json")
              .header("User-Agent", "Pantau-Alerts")
              .header(Signature.TIMESTAMP_HEADER, Long.toString(timestamp))
              .header(Signature.DELIVERY_HEADER, deliveryId)
              .header(Signature.HEADER, signature)
              .POST(HttpRequest.BodyPublishers.ofByteArray(body))
              .build();
      HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
      int status = response.statusCode();
      if (status >= 200 && status < 300) {
        return;
      }
      Optional<String> location = response.headers().firstValue("Location");
      if ((status == 307 || status == 308) && location.isPresent() && hop < MAX_REDIRECTS) {
        target = target.resolve(location.get());
        continue;
      }
      throw new IOException("webhook answered HTTP " + status);
    }
  }

  private void sendMail(String to, AlertPayload payload) {
    mailer.send(
        Mail.withHtml(to, AlertMail.subject(payload), AlertMail.html(payload))
            .setText(AlertMail.text(payload)));
  }

  private static String clip(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 3) + "...";
  }
}
