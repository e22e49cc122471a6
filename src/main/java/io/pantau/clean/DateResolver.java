package io.pantau.clean;

import io.pantau.article.DatePrecision;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Picks the publication time from the evidence, strongest first: the caller's value, the page
 * metadata, a date line in the page header, a full date in the dateline, the day named in the
 * opening ("Senin (16/6)") with its year inferred, a relative phrase ("3 months ago"), and last the
 * fetch time.
 *
 * <p>A year left out of the opening is taken from, in order: a full date elsewhere in the text with
 * the same day and month (a caption's "16 Juni 2025"), the copyright year, the year of a relative
 * phrase, this or last year when its calendar matches the printed weekday (no year at all when
 * neither does: such a day names a coming event), and the fetch year. A printed year is taken only
 * within a month before the fetch. A day never lands more than a day after the fetch.
 */
final class DateResolver {
  private static final Pattern YEAR = Pattern.compile("\\b(19|20)\\d{2}\\b");
  private static final Duration SLACK = Duration.ofDays(1);
  private static final Period RECENT = Period.ofDays(31);

  private final Dates dates;

  DateResolver(Dates dates) {
    this.dates = dates;
  }

  Dates.Dated resolve(
      String given,
      String metaPublished,
      StoryParser.Story story,
      ZoneOffset zone,
      Instant fetched) {
    Optional<Dates.Dated> d = dates.parseGiven(given, zone);
    if (d.isPresent()) {
      return d.get();
    }
    if (given != null) {
      Optional<Instant> rel = dates.relative(given, fetched);
      if (rel.isPresent()) {
        return new Dates.Dated(rel.get(), DatePrecision.estimated);
      }
    }
    d = dates.parseGiven(metaPublished, zone);
    if (d.isPresent()) {
      return d.get();
    }
    for (String line : story.dateLines()) {
      if (dates.isUpdateLine(line)) {
        continue;
      }
      Optional<Dates.Found> f = dates.firstFull(line, zone);
      if (f.isPresent()) {
        return f.get().dated();
      }
      Optional<Dates.Dated> month =
          dates
              .monthYear(line)
              .map(ym -> new Dates.Dated(Dates.startOfDay(ym.atDay(1)), DatePrecision.month));
      if (month.isPresent()) {
        return month.get();
      }
    }
    if (story.datelineDate() != null) {
      Optional<Dates.Found> f = dates.firstFull(story.datelineDate(), zone);
      if (f.isPresent()) {
        return f.get().dated();
      }
    }
    Optional<Instant> relative = Optional.empty();
    for (String line : story.metaLines()) {
      if (dates.isUpdateLine(line)) {
        continue;
      }
      relative = dates.relative(line, fetched);
      if (relative.isPresent()) {
        break;
      }
    }
    Optional<Dates.DayMonth> dm = dates.dayMonth(story.opening());
    if (dm.isPresent()) {
      Optional<LocalDate> day = withYear(dm.get(), story, relative, fetched);
      if (day.isPresent()) {
        return new Dates.Dated(Dates.startOfDay(day.get()), DatePrecision.day);
      }
    }
    return new Dates.Dated(relative.orElse(fetched), DatePrecision.estimated);
  }

  private Optional<LocalDate> withYear(
      Dates.DayMonth dm, StoryParser.Story story, Optional<Instant> relative, Instant fetched) {
    LocalDate latest = fetched.plus(SLACK).atOffset(ZoneOffset.UTC).toLocalDate();
    if (dm.year() != null) {
      // a printed year far from the fetch names an earlier event, not this story's day
      return date(dm.year(), dm)
          .filter(d -> !d.isAfter(latest) && !d.isBefore(latest.minus(RECENT)));
    }
    String text =
        String.join("\n", story.paragraphs())
            + "\n"
            + String.join("\n", story.captions())
            + "\n"
            + story.opening();
    for (LocalDate full : dates.allDates(text)) {
      if (full.getDayOfMonth() == dm.day() && full.getMonthValue() == dm.month()) {
        return Optional.of(full);
      }
    }
    List<Integer> candidates = new ArrayList<>();
    for (String line : story.copyright()) {
      Matcher m = YEAR.matcher(line);
      int year = -1;
      while (m.find()) {
        year = Math.max(year, Integer.parseInt(m.group()));
      }
      if (year > 0) {
        candidates.add(year);
      }
    }
    for (int year : candidates) {
      Optional<LocalDate> day = date(year, dm);
      if (day.isPresent() && !day.get().isAfter(latest) && weekdayFits(day.get(), dm)) {
        return day;
      }
    }
    if (relative.isPresent()) {
      LocalDate estimate = relative.get().atOffset(ZoneOffset.UTC).toLocalDate();
      LocalDate best = null;
      for (int year = estimate.getYear() - 1; year <= estimate.getYear() + 1; year++) {
        Optional<LocalDate> day = date(year, dm);
        if (day.isPresent()
            && !day.get().isAfter(latest)
            && (best == null || distance(day.get(), estimate) < distance(best, estimate))) {
          best = day.get();
        }
      }
      if (best != null) {
        return Optional.of(best);
      }
    }
    if (dm.weekday() != null) {
      // only this year and the last: a weekday that fits neither names a coming event
      for (int year = latest.getYear(); year >= latest.getYear() - 1; year--) {
        Optional<LocalDate> day = date(year, dm);
        if (day.isPresent() && !day.get().isAfter(latest) && weekdayFits(day.get(), dm)) {
          return day;
        }
      }
      return Optional.empty();
    }
    for (int year = latest.getYear(); year >= latest.getYear() - 1; year--) {
      Optional<LocalDate> day = date(year, dm);
      if (day.isPresent() && !day.get().isAfter(latest)) {
        return day;
      }
    }
    return Optional.empty();
  }

  private static boolean weekdayFits(LocalDate day, Dates.DayMonth dm) {
    return dm.weekday() == null || day.getDayOfWeek() == dm.weekday();
  }

  private static long distance(LocalDate a, LocalDate b) {
    return Math.abs(a.toEpochDay() - b.toEpochDay());
  }

  private static Optional<LocalDate> date(int year, Dates.DayMonth dm) {
    try {
      return Optional.of(LocalDate.of(year, dm.month(), dm.day()));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }
}
