package io.pantau.reports;

import java.time.Duration;
import java.util.List;

/**
 * A report schedule as asked for; {@link Schedules} validates it.
 *
 * @param name a label for people
 * @param query the Pantau query; empty or null for every article
 * @param sources only these sources; empty for all
 * @param langs only these languages; empty for all
 * @param tz IANA zone of the cron, of day buckets and of dates in the file; null for UTC
 * @param period each run covers the period of this length ending when it runs
 * @param format the file format
 * @param cron Quartz cron expression (seconds first), e.g. {@code 0 0 7 ? * MON}
 * @param recipients e-mail addresses
 * @param enabled null for true
 */
public record ScheduleDraft(
    String name,
    String query,
    List<String> sources,
    List<String> langs,
    String tz,
    Duration period,
    ReportFormat format,
    String cron,
    List<String> recipients,
    Boolean enabled) {}
