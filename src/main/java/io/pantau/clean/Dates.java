package io.pantau.clean;

import io.pantau.article.DatePrecision;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads dates as news pages print them, driven by the month, day, zone and unit names of {@link
 * Rules}.
 *
 * <p>Storage rule: a day-precision date is stored as 00:00 UTC of that calendar day, whatever the
 * outlet's zone, so the UTC date always equals the date printed in the story. A time printed
 * without a zone is read in the zone of the article's language (WIB for Indonesian, UTC for
 * English).
 */
final class Dates {

  /** Characters a full date may print before its four-digit year. */
  static final int BEFORE_YEAR = 96;

  /** Characters a full date may print after its four-digit year. */
  static final int AFTER_YEAR = 64;

  /** A resolved publication time. */
  record Dated(Instant at, DatePrecision precision) {}

  /** A date found in text, with where it was found. */
  record Found(Dated dated, LocalDate date, int start, int end) {}

  /**
   * A day and month as a wire story's opening names them ("Senin (16/6)"), with the weekday and the
   * year when printed ("Kamis (18/8/2016)").
   */
  record DayMonth(int day, int month, DayOfWeek weekday, Integer year) {}

  private final Rules rules;

  Dates(Rules rules) {
    this.rules = rules;
    // firstFull and allDates skip text without a four-digit run: every full date prints its year
    for (Pattern p : rules.fullDates) {
      if (!p.pattern().contains("(?<y>\\d{4})")) {
        throw new IllegalArgumentException(
            "a date.full rule must print a four-digit year (?<y>\\d{4}): " + p.pattern());
      }
    }
  }

  /** The first full date (day, month and year) in the text, if any. */
  Optional<Found> firstFull(String text, ZoneOffset defaultZone) {
    return firstFull(new Prefilter.Line(text), defaultZone);
  }

  private Optional<Found> firstFull(Prefilter.Line line, ZoneOffset defaultZone) {
    if (!line.hasFourDigits()) {
      return Optional.empty();
    }
    String text = line.text();
    Found best = null;
    for (Pattern p : rules.fullDates) {
      if (!rules.filter(p).admits(line)) {
        continue;
      }
      Matcher m = p.matcher(text);
      while (m.find()) {
        Optional<Found> f = toFound(m, defaultZone);
        if (f.isPresent() && (best == null || f.get().start() < best.start())) {
          best = f.get();
        }
        if (f.isPresent()) {
          break;
        }
      }
    }
    return Optional.ofNullable(best);
  }

  /** True when the line is little more than a date: a header or byline date, not prose. */
  boolean isDateLine(String line, ZoneOffset zone) {
    return isDateLine(new Prefilter.Line(line), zone);
  }

  boolean isDateLine(Prefilter.Line l, ZoneOffset zone) {
    String line = l.text();
    if (line.length() > 100) {
      return false;
    }
    Optional<Found> f = firstFull(l, zone);
    if (f.isPresent() && (f.get().end() - f.get().start()) * 10 >= line.length() * 5) {
      return true;
    }
    for (Pattern p : rules.monthYears) {
      if (rules.matches(p, l)) {
        return true;
      }
    }
    for (Pattern p : rules.relativeAgo) {
      if (!rules.filter(p).admits(l)) {
        continue;
      }
      Matcher m = p.matcher(line);
      if (m.find() && (m.end() - m.start()) * 10 >= line.length() * 5) {
        return true;
      }
    }
    String folded = punctuationAsSpace(line.toLowerCase(Locale.ROOT)).trim();
    for (String phrase : rules.relativeDays.keySet()) {
      if (folded.equals(phrase) || folded.startsWith(phrase + " ")) {
        return folded.length() <= phrase.length() + 12;
      }
    }
    return false;
  }

  /** True for "Updated ..." lines, whose date is not the publication date. */
  boolean isUpdateLine(String line) {
    return isUpdateLine(new Prefilter.Line(line));
  }

  boolean isUpdateLine(Prefilter.Line line) {
    for (Pattern p : rules.updated) {
      if (rules.matches(p, line)) {
        return true;
      }
    }
    return false;
  }

  /** The line with every ',' and '.' turned into a space. */
  private static String punctuationAsSpace(String s) {
    return s.replace(',', ' ').replace('.', ' ');
  }

  /**
   * Every full calendar date printed in the text: evidence for a year left out elsewhere.
   *
   * <p>Every full-date rule holds a four-digit year, so the rules run only over the stretches
   * around runs of four digits ({@link #yearRegions}), not over the whole body: on a 600-word story
   * that is a few short regions instead of thousands of start positions for each rule. A date
   * printed more than {@link #BEFORE_YEAR} characters before its year or {@link #AFTER_YEAR} after
   * it would be missed; the longest the rules describe is about 45 before ("Published 10:04 a.m.
   * EDT, September 30, ") and 20 after (a time and zone).
   */
  List<LocalDate> allDates(String text) {
    List<LocalDate> out = new ArrayList<>();
    List<int[]> regions = yearRegions(text);
    if (regions.isEmpty()) {
      return out;
    }
    Prefilter.Line line = new Prefilter.Line(text);
    for (Pattern p : rules.fullDates) {
      if (!rules.filter(p).admits(line)) {
        continue;
      }
      Matcher m = p.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
      for (int[] r : regions) {
        m.region(r[0], r[1]);
        while (m.find()) {
          toFound(m, ZoneOffset.UTC).ifPresent(f -> out.add(f.date()));
        }
      }
    }
    return out;
  }

  /**
   * The disjoint stretches of the text, in order, that hold every run of four ASCII digits with
   * {@link #BEFORE_YEAR} characters before it and {@link #AFTER_YEAR} after it.
   */
  static List<int[]> yearRegions(String text) {
    List<int[]> out = new ArrayList<>();
    int run = 0;
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        run = 0;
        continue;
      }
      if (++run < 4) {
        continue;
      }
      int start = Math.max(0, i - 3 - BEFORE_YEAR);
      int end = Math.min(n, i + 1 + AFTER_YEAR);
      int[] last = out.isEmpty() ? null : out.get(out.size() - 1);
      if (last != null && start <= last[1]) {
        last[1] = Math.max(last[1], end);
      } else {
        out.add(new int[] {start, end});
      }
    }
    return out;
  }

  /** A month and year alone ("Juni 2025"). */
  Optional<YearMonth> monthYear(String line) {
    for (Pattern p : rules.monthYears) {
      Matcher m = p.matcher(line.trim());
      if (m.matches()) {
        Integer month = month(m.group("mon"));
        if (month != null) {
          try {
            return Optional.of(YearMonth.of(Integer.parseInt(m.group("y")), month));
          } catch (DateTimeException e) {
            return Optional.empty();
          }
        }
      }
    }
    return Optional.empty();
  }

  /** The first day-and-month mention without a year. */
  Optional<DayMonth> dayMonth(String text) {
    Prefilter.Line line = new Prefilter.Line(text);
    for (Pattern p : rules.dayMonths) {
      if (!rules.filter(p).admits(line)) {
        continue;
      }
      Matcher m = p.matcher(text);
      while (m.find()) {
        Integer month = group(m, "m") != null ? parse(group(m, "m")) : month(group(m, "mon"));
        Integer day = parse(group(m, "d"));
        if (month == null || day == null || month < 1 || month > 12 || day < 1 || day > 31) {
          continue;
        }
        String dow = group(m, "dow");
        Integer weekday = dow == null ? null : rules.days.get(dow.toLowerCase(Locale.ROOT));
        return Optional.of(
            new DayMonth(
                day, month, weekday == null ? null : DayOfWeek.of(weekday), parse(group(m, "y"))));
      }
    }
    return Optional.empty();
  }

  /** "3 months ago", "2 jam lalu", "kemarin", resolved against the fetch time. */
  Optional<Instant> relative(String line, Instant fetched) {
    Prefilter.Line l = new Prefilter.Line(line);
    for (Pattern p : rules.relativeAgo) {
      if (!rules.filter(p).admits(l)) {
        continue;
      }
      Matcher m = p.matcher(line);
      if (m.find()) {
        String n = m.group("n").toLowerCase(Locale.ROOT);
        Integer count = n.chars().allMatch(Character::isDigit) ? parse(n) : rules.numbers.get(n);
        ChronoUnit unit = rules.units.get(m.group("unit").toLowerCase(Locale.ROOT));
        if (count != null && unit != null) {
          return Optional.of(minus(fetched, count, unit));
        }
      }
    }
    String folded = punctuationAsSpace(line.toLowerCase(Locale.ROOT)).trim();
    for (var e : rules.relativeDays.entrySet()) {
      if (folded.equals(e.getKey()) || folded.startsWith(e.getKey() + " ")) {
        return Optional.of(fetched.plus(e.getValue(), ChronoUnit.DAYS));
      }
    }
    return Optional.empty();
  }

  /** A machine-readable or printed publication time from page metadata or the caller. */
  Optional<Dated> parseGiven(String value, ZoneOffset defaultZone) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    String v = value.trim();
    try {
      return Optional.of(new Dated(OffsetDateTime.parse(v).toInstant(), DatePrecision.exact));
    } catch (DateTimeParseException e) {
      // not ISO with an offset; the printed forms below cover the rest
    }
    try {
      return Optional.of(new Dated(Instant.parse(v), DatePrecision.exact));
    } catch (DateTimeParseException e) {
      // fall through
    }
    try {
      LocalDateTime local = LocalDateTime.parse(v);
      return Optional.of(new Dated(local.atOffset(defaultZone).toInstant(), DatePrecision.exact));
    } catch (DateTimeParseException e) {
      // fall through
    }
    Optional<Found> f = firstFull(v, defaultZone);
    if (f.isPresent()) {
      return Optional.of(f.get().dated());
    }
    return monthYear(v).map(ym -> new Dated(startOfDay(ym.atDay(1)), DatePrecision.month));
  }

  static Instant startOfDay(LocalDate d) {
    return d.atStartOfDay().toInstant(ZoneOffset.UTC);
  }

  private static Instant minus(Instant at, int count, ChronoUnit unit) {
    if (unit.isDateBased() && unit != ChronoUnit.DAYS) {
      return at.atOffset(ZoneOffset.UTC).minus(count, unit).toInstant();
    }
    return at.minus(count, unit);
  }

  private Optional<Found> toFound(Matcher m, ZoneOffset defaultZone) {
    Integer year = parse(group(m, "y"));
    Integer month = group(m, "m") != null ? parse(group(m, "m")) : month(group(m, "mon"));
    Integer day = parse(group(m, "d"));
    if (year == null || month == null || day == null || year < 1900 || year > 2200) {
      return Optional.empty();
    }
    LocalDate date;
    try {
      date = LocalDate.of(year, month, day);
    } catch (DateTimeException e) {
      return Optional.empty();
    }
    Integer hour = parse(group(m, "h"));
    Integer minute = parse(group(m, "mi"));
    if (hour == null || minute == null || minute > 59) {
      return Optional.of(
          new Found(new Dated(startOfDay(date), DatePrecision.day), date, m.start(), m.end()));
    }
    String ampm = group(m, "ampm");
    if (ampm != null) {
      boolean pm = Character.toLowerCase(ampm.charAt(0)) == 'p';
      hour = hour % 12 + (pm ? 12 : 0);
    }
    if (hour > 23) {
      return Optional.of(
          new Found(new Dated(startOfDay(date), DatePrecision.day), date, m.start(), m.end()));
    }
    Integer second = parse(group(m, "s"));
    ZoneOffset zone = zone(group(m, "tz"), defaultZone);
    LocalDateTime local =
        LocalDateTime.of(date, LocalTime.of(hour, minute, second == null ? 0 : second % 60));
    return Optional.of(
        new Found(
            new Dated(local.atOffset(zone).toInstant(), DatePrecision.exact),
            date,
            m.start(),
            m.end()));
  }

  private ZoneOffset zone(String tz, ZoneOffset defaultZone) {
    if (tz == null || tz.isBlank()) {
      return defaultZone;
    }
    String t = tz.trim();
    ZoneOffset named = rules.zones.get(t.toLowerCase(Locale.ROOT));
    if (named != null) {
      return named;
    }
    if (t.equals("Z")) {
      return ZoneOffset.UTC;
    }
    try {
      if (t.length() == 5 && t.indexOf(':') < 0) {
        t = t.substring(0, 3) + ":" + t.substring(3);
      }
      return ZoneOffset.of(t);
    } catch (DateTimeException e) {
      return defaultZone;
    }
  }

  private Integer month(String name) {
    if (name == null) {
      return null;
    }
    return rules.months.get(name.toLowerCase(Locale.ROOT).replace(".", ""));
  }

  private static String group(Matcher m, String name) {
    try {
      return m.group(name);
    } catch (IllegalArgumentException e) {
      // the pattern has no such group; rule files choose which parts they capture
      return null;
    }
  }

  private static Integer parse(String digits) {
    if (digits == null || digits.isEmpty() || digits.length() > 9) {
      return null;
    }
    for (int i = 0; i < digits.length(); i++) {
      if (!Character.isDigit(digits.charAt(i))) {
        return null;
      }
    }
    return Integer.parseInt(digits);
  }
}
