package io.pantau.reports;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.parser.CronParser;
import io.pantau.analytics.Analytics;
import io.pantau.config.PantauConfig;
import io.pantau.query.QueryException;
import io.pantau.query.QueryNode;
import io.pantau.query.QueryParser;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * Saved report definitions: create, read, replace, delete, run now; and one scheduler job per
 * enabled definition (when {@code pantau.reports.schedules-enabled}), firing on its cron in its
 * time zone. A run writes the report to a temporary file and mails it as an attachment.
 */
@ApplicationScoped
public class Schedules {
  private static final Logger LOG = Logger.getLogger(Schedules.class);
  private static final Pattern EMAIL = Pattern.compile("[^@\\s,;<>]+@[^@\\s,;<>]+");
  private static final CronParser CRON =
      new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.QUARTZ));
  static final int MAX_RECIPIENTS = 50;

  private final Reports reports;
  private final Mailer mailer;
  private final Scheduler scheduler;
  private final boolean scheduled;

  Schedules(Reports reports, Mailer mailer, Scheduler scheduler, PantauConfig config) {
    this.reports = reports;
    this.mailer = mailer;
    this.scheduler = scheduler;
    this.scheduled = config.reports().schedulesEnabled();
  }

  void onStart(@Observes StartupEvent event) {
    if (scheduled) {
      QuarkusTransaction.requiringNew()
          .call(() -> ReportSchedule.<ReportSchedule>listAll())
          .forEach(this::register);
    }
  }

  /** Stores a new schedule. */
  public ScheduleView create(ScheduleDraft draft) {
    ScheduleDraft v = validate(draft);
    ReportSchedule s =
        QuarkusTransaction.requiringNew()
            .call(
                () -> {
                  ReportSchedule n = new ReportSchedule();
                  copy(v, n);
                  n.createdAt = Instant.now();
                  n.persist();
                  return n;
                });
    register(s);
    return ScheduleView.of(s);
  }

  /** Every schedule, oldest first. */
  public List<ScheduleView> list() {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                ReportSchedule.<ReportSchedule>list("order by id").stream()
                    .map(ScheduleView::of)
                    .toList());
  }

  public Optional<ScheduleView> get(long id) {
    return QuarkusTransaction.requiringNew()
        .call(() -> ReportSchedule.<ReportSchedule>findByIdOptional(id).map(ScheduleView::of));
  }

  /** Replaces a schedule's settings; empty when there is no such schedule. */
  public Optional<ScheduleView> update(long id, ScheduleDraft draft) {
    ScheduleDraft v = validate(draft);
    Optional<ReportSchedule> s =
        QuarkusTransaction.requiringNew()
            .call(
                () -> {
                  Optional<ReportSchedule> found = ReportSchedule.findByIdOptional(id);
                  found.ifPresent(f -> copy(v, f));
                  return found;
                });
    s.ifPresent(this::register);
    return s.map(ScheduleView::of);
  }

  /** Deletes a schedule; false when there was none. */
  public boolean delete(long id) {
    boolean deleted =
        QuarkusTransaction.requiringNew().call(() -> ReportSchedule.delete("id", id) > 0);
    scheduler.unscheduleJob(jobId(id));
    return deleted;
  }

  /**
   * Makes the schedule's report over the period ending now and mails it; empty when there is no
   * such schedule.
   *
   * @throws IllegalArgumentException when the report cannot be made as defined
   * @throws UncheckedIOException when the file cannot be written
   */
  public Optional<ScheduleRun> run(long id) {
    Optional<ReportSchedule> found =
        QuarkusTransaction.requiringNew().call(() -> ReportSchedule.findByIdOptional(id));
    if (found.isEmpty()) {
      return Optional.empty();
    }
    ReportSchedule s = found.get();
    Instant now = Instant.now();
    try {
      ScheduleRun run = send(s, now);
      status(id, now, "sent to " + run.recipients().size() + " recipient(s)");
      return Optional.of(run);
    } catch (RuntimeException e) {
      status(id, now, "failed: " + e.getMessage());
      throw e;
    }
  }

  private ScheduleRun send(ReportSchedule s, Instant now) {
    QueryNode q = QueryParser.parse(s.query);
    ReportSpec spec =
        ReportSpec.lastPeriod(
            s.query,
            q,
            Duration.ofSeconds(s.periodSeconds),
            ScheduleView.split(s.sources),
            ScheduleView.split(s.langs),
            ZoneId.of(s.tz),
            now);
    Reports.Export export = reports.prepare(spec, s.format);
    List<String> to = ScheduleView.split(s.recipients);
    Path file = null;
    try {
      file = Files.createTempFile("pantau-report-", "." + s.format);
      try (OutputStream out = Files.newOutputStream(file)) {
        export.writeTo(out);
      }
      long bytes = Files.size(file);
      String text =
          "Report \""
              + s.name
              + "\"\nQuery: "
              + (s.query.isBlank() ? "(all articles)" : s.query)
              + "\nPeriod: "
              + Provenance.period(spec)
              + "\nGenerated: "
              + now
              + "\n\nThe report is attached ("
              + export.fileName()
              + ").\n";
      Mail mail =
          new Mail()
              .setSubject("[Pantau] Report: " + s.name)
              .setText(text)
              .addAttachment(export.fileName(), file.toFile(), s.format.mediaType);
      to.forEach(mail::addTo);
      mailer.send(mail);
      return new ScheduleRun(s.id, export.fileName(), bytes, spec.from(), spec.to(), to);
    } catch (IOException e) {
      throw new UncheckedIOException("could not write the report: " + e.getMessage(), e);
    } finally {
      if (file != null) {
        try {
          Files.deleteIfExists(file);
        } catch (IOException e) {
          LOG.debugf("could not delete %s", file);
        }
      }
    }
  }

  private void status(long id, Instant at, String status) {
    String cut = status.length() > 1000 ? status.substring(0, 1000) : status;
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                ReportSchedule.<ReportSchedule>findByIdOptional(id)
                    .ifPresent(
                        r -> {
                          r.lastRunAt = at;
                          r.lastStatus = cut;
                        }));
  }

  private void register(ReportSchedule s) {
    String job = jobId(s.id);
    scheduler.unscheduleJob(job);
    if (!scheduled || !s.enabled) {
      return;
    }
    long id = s.id;
    scheduler
        .newJob(job)
        .setCron(s.cron)
        .setTimeZone(s.tz)
        .setConcurrentExecution(Scheduled.ConcurrentExecution.SKIP)
        .setTask(
            x -> {
              try {
                run(id);
              } catch (RuntimeException e) {
                LOG.warnf(e, "Report schedule %d failed", id);
              }
            })
        .schedule();
  }

  private static String jobId(long id) {
    return "pantau-report-" + id;
  }

  /** Copies a validated draft onto the entity. */
  private static void copy(ScheduleDraft d, ReportSchedule s) {
    s.name = d.name();
    s.query = d.query();
    s.sources = String.join(",", d.sources());
    s.langs = String.join(",", d.langs());
    s.tz = d.tz();
    s.periodSeconds = d.period().toSeconds();
    s.format = d.format();
    s.cron = d.cron();
    s.recipients = String.join(",", d.recipients());
    s.enabled = d.enabled();
  }

  /** The draft checked, with every value normalised and defaults filled in. */
  private static ScheduleDraft validate(ScheduleDraft d) {
    if (d.name() == null || d.name().isBlank() || d.name().length() > 200) {
      throw new InvalidScheduleException("name", "name is required, at most 200 characters.");
    }
    String query = d.query() == null ? "" : d.query().trim();
    try {
      QueryParser.parse(query);
    } catch (QueryException e) {
      throw new InvalidScheduleException("query", "query: " + e.getMessage());
    }
    String tz = d.tz() == null || d.tz().isBlank() ? "UTC" : d.tz().trim();
    try {
      ZoneId.of(tz);
    } catch (DateTimeException e) {
      throw new InvalidScheduleException(
          "tz", "tz must be an IANA time zone such as Asia/Jakarta.");
    }
    Duration period = d.period();
    if (period == null
        || period.compareTo(Duration.ofHours(1)) < 0
        || period.compareTo(Analytics.DEFAULT_PERIOD.multipliedBy(4)) > 0) {
      throw new InvalidScheduleException(
          "period", "period is required, from 1 hour to 360 days (e.g. P7D or 7d).");
    }
    if (d.format() == null) {
      throw new InvalidScheduleException("format", "format must be csv, xlsx or pdf.");
    }
    String cron = d.cron() == null ? "" : d.cron().trim();
    try {
      CRON.parse(cron).validate();
    } catch (IllegalArgumentException e) {
      throw new InvalidScheduleException(
          "cron",
          "cron must be a Quartz cron expression with seconds first, e.g. \"0 0 7 ? * MON\": "
              + e.getMessage());
    }
    List<String> to = d.recipients() == null ? List.of() : clean(d.recipients());
    if (to.isEmpty() || to.size() > MAX_RECIPIENTS) {
      throw new InvalidScheduleException(
          "recipients", "recipients must hold 1 to " + MAX_RECIPIENTS + " e-mail addresses.");
    }
    for (String r : to) {
      if (!EMAIL.matcher(r).matches()) {
        throw new InvalidScheduleException("recipients", r + " is not an e-mail address.");
      }
    }
    List<String> sources = d.sources() == null ? List.of() : clean(d.sources());
    List<String> langs = d.langs() == null ? List.of() : clean(d.langs());
    if (String.join(",", sources).length() > 2000 || String.join(",", langs).length() > 200) {
      throw new InvalidScheduleException("sources", "too many sources or languages.");
    }
    return new ScheduleDraft(
        d.name().trim(),
        query,
        sources,
        langs,
        tz,
        period,
        d.format(),
        cron,
        to,
        d.enabled() == null || d.enabled());
  }

  private static List<String> clean(List<String> values) {
    return values.stream()
        .filter(v -> v != null)
        .flatMap(v -> java.util.Arrays.stream(v.split(",")))
        .map(String::trim)
        .filter(v -> !v.isEmpty())
        .toList();
  }
}
