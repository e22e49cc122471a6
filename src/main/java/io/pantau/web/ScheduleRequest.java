package io.pantau.web;

import io.pantau.reports.ReportFormat;
import io.pantau.reports.ScheduleDraft;
import java.util.List;
import java.util.Locale;

/**
 * The body of {@code POST /api/reports/schedules} and {@code PUT /api/reports/schedules/{id}}.
 * {@code period} is an ISO-8601 duration ({@code P7D}) or a number with s, m, h or d ({@code 7d});
 * {@code format} is csv, xlsx or pdf; {@code cron} a Quartz expression, seconds first.
 */
public record ScheduleRequest(
    String name,
    String query,
    List<String> sources,
    List<String> langs,
    String tz,
    String period,
    String format,
    String cron,
    List<String> recipients,
    Boolean enabled) {

  ScheduleDraft toDraft() {
    return new ScheduleDraft(
        name, query, sources, langs, tz, period(period), format(format), cron, recipients, enabled);
  }

  private static java.time.Duration period(String period) {
    return Params.duration(period, "period must be an ISO-8601 duration (P7D) or like 24h, 7d.");
  }

  private static ReportFormat format(String format) {
    if (format == null || format.isBlank()) {
      return null;
    }
    try {
      return ReportFormat.valueOf(format.trim().toLowerCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new BadRequest("format must be csv, xlsx or pdf.");
    }
  }
}
