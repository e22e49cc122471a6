package io.pantau.alerts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.pantau.config.PantauConfig;
import io.pantau.outbound.WebhookSender;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Sends notifications to webhooks and e-mail addresses, retrying with exponential backoff; each
 * notification and channel is one {@link AlertEvent} whose status and attempts follow every try.
 *
 * <p>Webhooks: POST of the JSON payload signed with the rule's secret, a timestamp and a delivery
 * id that stays the same across retries ({@link Signature}), through {@link WebhookSender}, which
 * checks each URL with the outbound guard and connects to the address it checked; a connect and a
 * request timeout, no automatic redirects: a 307 or 308 is followed by hand (at most {@link
 * #MAX_REDIRECTS}), the new URL checked and pinned as the first was.
 */
@ApplicationScoped
class Delivery {
  private static final Logger LOG = Logger.getLogger(Delivery.class);
  static final int MAX_REDIRECTS = 3;
  private static final Duration MAX_BACKOFF = Duration.ofMinutes(10);

  /** Longest body kept for a restart (characters); a longer one is sent, but not resumed. */
  static final int MAX_KEPT_BODY = 1_000_000;

  private final WebhookSender webhooks;
  private final Mailer mailer;
  private final ObjectMapper json;
  private final PantauConfig.Alerts settings;
  private final Timer latency;
  private final ScheduledThreadPoolExecutor executor =
      new ScheduledThreadPoolExecutor(
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
      WebhookSender webhooks,
      MeterRegistry registry) {
    this.webhooks = webhooks;
    this.mailer = mailer;
    this.json = json;
    this.settings = config.alerts();
    this.latency =
        Timer.builder("pantau.alert.latency")
            .description("From an article's acceptance by ingest to its alert's delivery")
            .publishPercentileHistogram()
            .register(registry);
  }

  /**
   * After matching has drained (its observer runs just before), lets the attempts under way and
   * those queued finish, up to {@code drain-on-stop}, while the database still records their
   * outcome. Retries due later are not waited for: their events stay {@code pending}.
   */
  void onStop(@Observes @Priority(Interceptor.Priority.APPLICATION + 200) ShutdownEvent event) {
    executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    executor.shutdown();
    try {
      if (!executor.awaitTermination(settings.drainOnStop().toMillis(), TimeUnit.MILLISECONDS)) {
        LOG.warnf(
            "Stopped alert delivery with attempts still under way; their events stay pending");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
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
    QuarkusTransaction.requiringNew()
        .call(() -> record(rule, payload, storyId, acceptedAt))
        .forEach(Runnable::run);
  }

  /**
   * Records one pending event per channel in the caller's transaction (or a new one), and returns
   * what starts delivering them, to run once that transaction has committed: a notification is on
   * record before any receiver hears of it, in the same transaction as the story claim behind it.
   */
  List<Runnable> record(
      RuleSnapshot rule, AlertPayload payload, String storyId, Optional<Instant> acceptedAt) {
    byte[] body;
    try {
      body = json.writeValueAsBytes(payload);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the payload is plain records", e);
    }
    List<Runnable> starts = new ArrayList<>();
    for (AlertChannel channel : rule.channels()) {
      // One id per notification and channel, kept across its retries (and restarts), so that a
      // receiver can tell a retry of a delivery it already took from a new one.
      String deliveryId = UUID.randomUUID().toString();
      long eventId =
          QuarkusTransaction.joiningExisting()
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
                    e.deliveryId = deliveryId;
                    String text = new String(body, StandardCharsets.UTF_8);
                    e.body = text.length() <= MAX_KEPT_BODY ? text : null;
                    e.persist();
                    e.flush();
                    return e.id;
                  });
      starts.add(
          () ->
              run(() -> attempt(eventId, deliveryId, rule, channel, payload, body, acceptedAt, 1)));
    }
    return starts;
  }

  /**
   * Delivers again, at start, what a stop or a crash left pending: each event with its body and
   * delivery id as first sent, to its rule's channel, counting the attempts on from where they
   * were. A receiver may so get a message twice (when the crash came between its answer and the
   * record of it), with the same {@code X-Pantau-Delivery}, which is how it tells.
   */
  void onStart(@Observes StartupEvent event) {
    record Resumed(
        long id, String deliveryId, RuleSnapshot rule, String channel, String body, int attempts) {}
    List<Resumed> pending =
        QuarkusTransaction.requiringNew()
            .call(
                () -> {
                  List<Resumed> out = new ArrayList<>();
                  Map<Long, RuleSnapshot> rules = new HashMap<>();
                  for (AlertEvent e :
                      AlertEvent.<AlertEvent>list(
                          "status = 'pending' and body is not null and deliveryId is not null"
                              + " order by id")) {
                    RuleSnapshot rule =
                        rules.computeIfAbsent(
                            e.ruleId,
                            id -> {
                              AlertRule r = AlertRule.findById(id);
                              return r == null ? null : Rules.snapshot(r, json);
                            });
                    if (rule != null) {
                      out.add(new Resumed(e.id, e.deliveryId, rule, e.channel, e.body, e.attempts));
                    }
                  }
                  return out;
                });
    for (Resumed r : pending) {
      Optional<AlertChannel> channel =
          r.rule().channels().stream()
              .filter(c -> clip(c.target(), 600).equals(r.channel()))
              .findFirst();
      AlertPayload payload;
      try {
        payload = json.readValue(r.body(), AlertPayload.class);
      } catch (IOException e) {
        payload = null;
      }
      if (channel.isEmpty() || payload == null) {
        markFailed(
            r.id(), channel.isEmpty() ? "channel removed before delivery" : "unreadable body");
        continue;
      }
      AlertPayload p = payload;
      byte[] body = r.body().getBytes(StandardCharsets.UTF_8);
      run(
          () ->
              attempt(
                  r.id(),
                  r.deliveryId(),
                  r.rule(),
                  channel.get(),
                  p,
                  body,
                  Optional.empty(),
                  r.attempts() + 1));
    }
    if (!pending.isEmpty()) {
      LOG.infof("Resuming delivery of %d pending alert notification(s)", pending.size());
    }
  }

  private static void markFailed(long eventId, String error) {
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              AlertEvent e = AlertEvent.findById(eventId);
              if (e != null) {
                e.status = "failed";
                e.lastError = error;
              }
            });
  }

  /** Queues an attempt; once delivery has stopped its event stays pending. */
  private void run(Runnable attempt) {
    try {
      executor.execute(attempt);
    } catch (RejectedExecutionException e) {
      LOG.debug("Delivery has stopped; the event stays pending");
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
                if (!"pending".equals(status)) {
                  // Kept only while it may be needed again: it holds article titles and text.
                  e.body = null;
                }
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
    try {
      executor.schedule(
          () -> attempt(eventId, deliveryId, rule, channel, payload, body, acceptedAt, attempt + 1),
          delayMs,
          TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      LOG.debugf("Delivery has stopped; event %d stays pending", eventId);
    }
  }

  /** Doubles from the configured first delay with each failed attempt, up to a cap. */
  Duration backoff(int failedAttempts) {
    Duration d = settings.retryBackoff().multipliedBy(1L << Math.min(failedAttempts - 1, 20));
    return d.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : d;
  }

  private void postWebhook(URI uri, byte[] body, String secret, String deliveryId)
      throws IOException {
    // Signed afresh on each attempt: a retry carries the time it was sent, so a receiver's clock
    // check does not refuse it for the delays before it.
    long timestamp = Instant.now().getEpochSecond();
    Map<String, String> headers =
        Map.of(
            "Content-Type",
            "application/json",
            "User-Agent",
            "Pantau-Alerts",
            Signature.TIMESTAMP_HEADER,
            Long.toString(timestamp),
            Signature.DELIVERY_HEADER,
            deliveryId,
            Signature.HEADER,
            Signature.sign(timestamp, deliveryId, body, secret));
    URI target = uri;
    for (int hop = 0; ; hop++) {
      WebhookSender.Answer answer = webhooks.post(target, headers, body, settings.webhookTimeout());
      int status = answer.status();
      if (status >= 200 && status < 300) {
        return;
      }
      Optional<String> location = answer.location();
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
