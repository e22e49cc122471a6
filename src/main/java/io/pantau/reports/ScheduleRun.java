package io.pantau.reports;

import java.time.Instant;
import java.util.List;

/**
 * What one run of a schedule sent.
 *
 * @param scheduleId the schedule
 * @param fileName the attachment's name
 * @param bytes the attachment's size
 * @param from start of the period reported on
 * @param to end of the period reported on
 * @param recipients who it was sent to
 */
public record ScheduleRun(
    long scheduleId,
    String fileName,
    long bytes,
    Instant from,
    Instant to,
    List<String> recipients) {}
