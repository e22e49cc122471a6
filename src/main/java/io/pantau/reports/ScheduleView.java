package io.pantau.reports;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** A saved report schedule as the API shows it; {@code period} is an ISO-8601 duration. */
public record ScheduleView(
    long id,
    String name,
    String query,
    List<String> sources,
    List<String> langs,
    String tz,
    String period,
    ReportFormat format,
    String cron,
    List<String> recipients,
    boolean enabled,
    Instant createdAt,
    Instant lastRunAt,
    String lastStatus) {

  static ScheduleView of(ReportSchedule s) {
    return new ScheduleView(
        s.id,
        s.name,
        s.query,
        split(s.sources),
        split(s.langs),
        s.tz,
        java.time.Duration.ofSeconds(s.periodSeconds).toString(),
        s.format,
        s.cron,
        split(s.recipients),
        s.enabled,
        s.createdAt,
        s.lastRunAt,
        s.lastStatus);
  }

  static List<String> split(String joined) {
    return joined == null || joined.isBlank()
        ? List.of()
        : Arrays.stream(joined.split(",")).map(String::trim).filter(v -> !v.isEmpty()).toList();
  }
}
