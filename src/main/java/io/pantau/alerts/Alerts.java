package io.pantau.alerts;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.pantau.index.ArticleIndex;
import io.pantau.index.ArticleSearch;
import io.pantau.outbound.OutboundGuard;
import io.pantau.outbound.OutboundRefusedException;
import io.pantau.query.QueryException;
import io.pantau.query.QueryParser;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The alerts feature's public face: storing, listing and deleting rules, their events, and
 * previews. Changes reach real-time matching as soon as they are committed.
 */
@ApplicationScoped
public class Alerts {
  static final int MAX_CHANNELS = 10;
  static final Duration MIN_WINDOW = Duration.ofMinutes(1);
  static final Duration MAX_WINDOW = Duration.ofDays(31);
  static final Duration PREVIEW_PERIOD = Duration.ofDays(30);
  private static final Pattern EMAIL =
      Pattern.compile("[^@\\s<>\",;]+@[^@\\s<>\",;]+\\.[^@\\s<>\",;]+");

  private final AlertMatcher matcher;
  private final OutboundGuard guard;
  private final ArticleIndex index;
  private final ObjectMapper json;
  private final MailServer mail;

  Alerts(
      AlertMatcher matcher,
      OutboundGuard guard,
      ArticleIndex index,
      ObjectMapper json,
      MailServer mail) {
    this.matcher = matcher;
    this.guard = guard;
    this.index = index;
    this.json = json;
    this.mail = mail;
  }

  /**
   * Stores a new rule owned by {@code owner}; the answer carries the webhook secret, this once.
   *
   * @throws InvalidAlertException naming the field to fix
   */
  public AlertView create(AlertDraft draft, String owner) {
    validate(draft);
    AlertRule saved =
        QuarkusTransaction.requiringNew()
            .call(
                () -> {
                  AlertRule r = new AlertRule();
                  apply(r, draft);
                  r.secret = Signature.newSecret();
                  r.owner = owner;
                  r.createdAt = Instant.now();
                  r.updatedAt = r.createdAt;
                  r.persist();
                  return r;
                });
    matcher.put(Rules.snapshot(saved, json));
    return view(saved, saved.secret);
  }

  /** Every stored rule, oldest first. */
  public List<AlertView> list() {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                AlertRule.<AlertRule>list("order by id").stream().map(r -> view(r, null)).toList());
  }

  /** The rule with this id. */
  public Optional<AlertView> get(long id) {
    return QuarkusTransaction.requiringNew()
        .call(() -> AlertRule.<AlertRule>findByIdOptional(id).map(r -> view(r, null)));
  }

  /**
   * Replaces a rule's settings (its secret, owner and history stay).
   *
   * @throws InvalidAlertException naming the field to fix
   */
  public Optional<AlertView> update(long id, AlertDraft draft) {
    validate(draft);
    Optional<AlertRule> saved =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    AlertRule.<AlertRule>findByIdOptional(id)
                        .map(
                            r -> {
                              apply(r, draft);
                              r.updatedAt = Instant.now();
                              return r;
                            }));
    saved.ifPresent(r -> matcher.put(Rules.snapshot(r, json)));
    return saved.map(r -> view(r, null));
  }

  /** Deletes a rule with its events; false when there is none. */
  public boolean delete(long id) {
    // A bulk delete, not load-then-remove: two concurrent deletes of one rule then answer true
    // and false instead of the loser failing at commit on a row that is already gone.
    boolean deleted = QuarkusTransaction.requiringNew().call(() -> AlertRule.delete("id", id) > 0);
    if (deleted) {
      matcher.remove(id);
    }
    return deleted;
  }

  /** The rule's events, newest first, or empty when there is no such rule. */
  public Optional<List<AlertEventView>> events(long id, int limit) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              if (AlertRule.findById(id) == null) {
                return Optional.<List<AlertEventView>>empty();
              }
              List<AlertEvent> events =
                  AlertEvent.find("ruleId = ?1 order by id desc", id).page(0, limit).list();
              return Optional.of(events.stream().map(AlertEventView::of).toList());
            });
  }

  /**
   * How many articles published in the last 30 days the query matches, and the newest ten.
   *
   * @throws InvalidAlertException when the query does not parse
   */
  public AlertPreview preview(String query) {
    io.pantau.query.QueryNode q = parse(query);
    Instant from = Instant.now().minus(PREVIEW_PERIOD);
    var page =
        index.search(
            new ArticleSearch(
                q,
                Optional.of(from),
                Optional.empty(),
                List.of(),
                List.of(),
                Optional.empty(),
                0,
                10));
    return new AlertPreview(
        page.total(),
        from,
        page.items().stream()
            .map(
                a -> new AlertPreview.Sample(a.id(), a.title(), a.url(), a.source(), a.published()))
            .toList());
  }

  private static io.pantau.query.QueryNode parse(String query) {
    if (query == null) {
      throw new InvalidAlertException("query", "query is required.");
    }
    try {
      return QueryParser.parse(query);
    } catch (QueryException e) {
      throw new InvalidAlertException("query", "query: " + e.getMessage());
    }
  }

  private void validate(AlertDraft d) {
    if (d.name() == null || d.name().isBlank()) {
      throw new InvalidAlertException("name", "name is required.");
    }
    if (d.name().length() > 200) {
      throw new InvalidAlertException("name", "name is longer than 200 characters.");
    }
    if (d.type() == null) {
      throw new InvalidAlertException(
          "type", "type is required: match, volume_spike or sentiment_shift.");
    }
    io.pantau.query.QueryNode q = parse(d.query());
    if (d.type() == AlertType.match && q instanceof io.pantau.query.QueryNode.MatchAll) {
      throw new InvalidAlertException(
          "query", "query must name what to match; an empty query would match every article.");
    }
    if (d.threshold() != null
        && (d.threshold().isNaN() || d.threshold() <= 0 || d.threshold() > 100)) {
      throw new InvalidAlertException("threshold", "threshold must be above 0 and at most 100.");
    }
    if (d.window() != null
        && (d.window().compareTo(MIN_WINDOW) < 0 || d.window().compareTo(MAX_WINDOW) > 0)) {
      throw new InvalidAlertException("window", "window must be between 1 minute and 31 days.");
    }
    if (d.baselineWindows() != null && (d.baselineWindows() < 2 || d.baselineWindows() > 500)) {
      throw new InvalidAlertException("baselineWindows", "baselineWindows must be 2 to 500.");
    }
    if (d.minArticles() != null && (d.minArticles() < 1 || d.minArticles() > 1_000_000)) {
      throw new InvalidAlertException("minArticles", "minArticles must be 1 to 1000000.");
    }
    if (d.digestMinutes() != null && (d.digestMinutes() < 0 || d.digestMinutes() > 1440)) {
      throw new InvalidAlertException("digestMinutes", "digestMinutes must be 0 to 1440.");
    }
    if (d.channels().isEmpty() || d.channels().size() > MAX_CHANNELS) {
      throw new InvalidAlertException(
          "channels", "channels must hold 1 to " + MAX_CHANNELS + " webhook or email channels.");
    }
    for (int i = 0; i < d.channels().size(); i++) {
      validate(d.channels().get(i), "channels[" + i + "]");
    }
  }

  private void validate(AlertChannel c, String where) {
    if (c == null || c.type() == null) {
      throw new InvalidAlertException(where, where + ".type must be webhook or email.");
    }
    if (AlertChannel.WEBHOOK.equals(c.type())) {
      if (c.url() == null || c.url().length() > 500) {
        throw new InvalidAlertException(
            where, where + ".url is required (at most 500 characters).");
      }
      try {
        guard.check(new URI(c.url()));
      } catch (URISyntaxException e) {
        throw new InvalidAlertException(where, where + ".url is not a valid URL.");
      } catch (OutboundRefusedException e) {
        throw new InvalidAlertException(where, where + ".url is refused: " + e.getMessage());
      }
    } else if (AlertChannel.EMAIL.equals(c.type())) {
      if (c.to() == null || c.to().length() > 254 || !EMAIL.matcher(c.to()).matches()) {
        throw new InvalidAlertException(where, where + ".to must be one e-mail address.");
      }
      // Refused now, while the client is there to read why, rather than failing every attempt
      // later where only the rule's events show it.
      mail.missing()
          .ifPresent(
              why -> {
                throw new InvalidAlertException(where, where + ": " + why);
              });
    } else {
      throw new InvalidAlertException(where, where + ".type must be webhook or email.");
    }
  }

  private void apply(AlertRule r, AlertDraft d) {
    boolean window = d.type() != AlertType.match;
    r.name = d.name().trim();
    r.query = d.query();
    r.type = d.type();
    r.threshold = window ? orElse(d.threshold(), RuleEvaluator.DEFAULT_K) : null;
    r.windowSeconds = window ? orElse(d.window(), RuleEvaluator.DEFAULT_WINDOW).toSeconds() : null;
    r.baselineWindows = window ? orElse(d.baselineWindows(), RuleEvaluator.DEFAULT_BASELINE) : null;
    r.minArticles = window ? orElse(d.minArticles(), RuleEvaluator.DEFAULT_MIN_ARTICLES) : null;
    List<AlertChannel> channels = new ArrayList<>();
    for (AlertChannel c : d.channels()) {
      channels.add(
          AlertChannel.WEBHOOK.equals(c.type())
              ? new AlertChannel(AlertChannel.WEBHOOK, c.url(), null)
              : new AlertChannel(AlertChannel.EMAIL, null, c.to().trim()));
    }
    r.channels = Rules.channelsJson(channels, json);
    r.enabled = d.enabled() == null || d.enabled();
    r.mutedUntil = d.mutedUntil();
    r.digestMinutes = d.type() == AlertType.match ? orElse(d.digestMinutes(), 0) : 0;
  }

  private static <T> T orElse(T value, T otherwise) {
    return value == null ? otherwise : value;
  }

  private AlertView view(AlertRule r, String secret) {
    return new AlertView(
        r.id,
        r.name,
        r.query,
        r.type,
        r.threshold,
        r.windowSeconds == null ? null : Duration.ofSeconds(r.windowSeconds).toString(),
        r.baselineWindows,
        r.minArticles,
        Rules.channels(r.channels, json),
        r.enabled,
        r.mutedUntil,
        r.digestMinutes,
        r.owner,
        r.createdAt,
        r.updatedAt,
        r.lastFiredAt,
        secret);
  }
}
