package io.pantau.clean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pantau.article.DatePrecision;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class DatesTest {
  private static final Instant FETCHED = Instant.parse("2025-09-16T00:00:00Z");
  private static final ZoneOffset WIB = ZoneOffset.ofHours(7);
  private final Dates dates = new Dates(Rules.standard());

  @Test
  void relativePhrasesResolveAgainstTheFetchTime() {
    assertEquals(
        Instant.parse("2025-06-16T00:00:00Z"),
        dates.relative("3 months ago 6", FETCHED).orElseThrow());
    assertEquals(
        Instant.parse("2025-09-15T22:00:00Z"), dates.relative("2 jam lalu", FETCHED).orElseThrow());
    assertEquals(
        Instant.parse("2025-09-15T00:00:00Z"), dates.relative("kemarin", FETCHED).orElseThrow());
    assertEquals(
        Instant.parse("2025-09-15T00:00:00Z"), dates.relative("Yesterday", FETCHED).orElseThrow());
    assertEquals(
        Instant.parse("2025-09-15T23:00:00Z"),
        dates.relative("an hour ago", FETCHED).orElseThrow());
    assertEquals(
        Instant.parse("2025-09-02T00:00:00Z"),
        dates.relative("2 minggu yang lalu", FETCHED).orElseThrow());
    assertFalse(dates.relative("the minister said", FETCHED).isPresent());
  }

  @Test
  void indonesianTimesWithoutOrWithZoneAreExact() {
    Dates.Found f = dates.firstFull("Senin, 16 Juni 2025 14:30 WIB", ZoneOffset.UTC).orElseThrow();
    assertEquals(Instant.parse("2025-06-16T07:30:00Z"), f.dated().at());
    assertEquals(DatePrecision.exact, f.dated().precision());
    Dates.Found local = dates.firstFull("16/06/2025, 14:30", WIB).orElseThrow();
    assertEquals(Instant.parse("2025-06-16T07:30:00Z"), local.dated().at());
  }

  @Test
  void englishTimesWithAmPmAndZone() {
    Dates.Found f = dates.firstFull("June 16, 2025 2:30 PM EDT", ZoneOffset.UTC).orElseThrow();
    assertEquals(Instant.parse("2025-06-16T18:30:00Z"), f.dated().at());
  }

  @Test
  void aDateWithoutTimeIsDayPrecisionAtUtcMidnight() {
    Dates.Found f = dates.firstFull("Selasa, 4 Maret 2025", WIB).orElseThrow();
    assertEquals(Instant.parse("2025-03-04T00:00:00Z"), f.dated().at());
    assertEquals(DatePrecision.day, f.dated().precision());
  }

  @Test
  void impossibleDatesAreNotDates() {
    assertFalse(dates.firstFull("31 Februari 2025", WIB).isPresent());
    assertFalse(dates.firstFull("31/02/2025", WIB).isPresent());
  }

  @Test
  void theWireDayInParenthesesKeepsItsWeekday() {
    Dates.DayMonth dm = dates.dayMonth("Presiden pada Senin (16/6) mengatakan").orElseThrow();
    assertEquals(16, dm.day());
    assertEquals(6, dm.month());
    assertEquals(DayOfWeek.MONDAY, dm.weekday());
  }

  @Test
  void dateLinesAreToldApartFromProse() {
    assertTrue(dates.isDateLine("Kompas.com - 14/05/2025, 09:15 WIB", WIB));
    assertTrue(dates.isDateLine("June 2024", WIB));
    assertFalse(
        dates.isDateLine(
            "Pada 14 Mei 2025 pemerintah kota meresmikan jembatan baru di utara", WIB));
  }

  @Test
  void givenValuesInIsoOrPrintedFormParse() {
    assertEquals(
        Instant.parse("2025-07-02T05:30:00Z"),
        dates.parseGiven("2025-07-02T06:30:00+01:00", WIB).orElseThrow().at());
    assertEquals(DatePrecision.day, dates.parseGiven("2025-05-12", WIB).orElseThrow().precision());
    assertEquals(DatePrecision.month, dates.parseGiven("Juni 2024", WIB).orElseThrow().precision());
    assertFalse(dates.parseGiven("soon", WIB).isPresent());
  }

  @Test
  void allDatesFindsEveryFullDateOfALongTextAsAWholeTextScanDoes() {
    String filler = "Para menteri membahas kerja sama ekonomi dan perdagangan kawasan. ";
    String[] printed = {
      "Senin, 16 Juni 2025 14:30 WIB",
      "2024-03-05T09:30:00+07:00",
      "Published 10:04 AM EDT, September 30, 2023",
      "Kamis ( 18 / 8 / 2016 )",
      "16/06/2025, 14:30 WIB",
      "June 16, 2025",
      "2019/8/19 11:20:05"
    };
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < printed.length; i++) {
      // dates far apart, close together, and at the very start and end of the text
      text.append(filler.repeat(i % 3 == 0 ? 0 : 40)).append(printed[i]).append(' ');
    }
    text.append("Angka 12345678 dan tahun 2021 tanpa tanggal.");
    String t = text.toString();
    java.util.List<java.time.LocalDate> expected = new java.util.ArrayList<>();
    Rules rules = Rules.standard();
    for (java.util.regex.Pattern p : rules.fullDates) {
      java.util.regex.Matcher m = p.matcher(t);
      while (m.find()) {
        dates.firstFull(m.group(), ZoneOffset.UTC).ifPresent(f -> expected.add(f.date()));
      }
    }
    assertEquals(
        java.util.Set.of(
            java.time.LocalDate.of(2025, 6, 16),
            java.time.LocalDate.of(2024, 3, 5),
            java.time.LocalDate.of(2023, 9, 30),
            java.time.LocalDate.of(2016, 8, 18),
            java.time.LocalDate.of(2019, 8, 19)),
        new java.util.HashSet<>(expected),
        expected.toString());
    assertEquals(expected, dates.allDates(t));
  }

  @Test
  void yearRegionsCoverEveryFourDigitRunAndMergeWhenTheyMeet() {
    String far = "x".repeat(500);
    var regions = Dates.yearRegions("2025" + far + "12 Mei 2024 dan 2023" + far + "123");
    assertEquals(2, regions.size());
    assertEquals(0, regions.get(0)[0]);
    assertEquals(4 + Dates.AFTER_YEAR, regions.get(0)[1]);
    int second = 4 + far.length() + "12 Mei ".length();
    assertEquals(second - Dates.BEFORE_YEAR, regions.get(1)[0]);
    assertEquals(second + "2024 dan 2023".length() + Dates.AFTER_YEAR, regions.get(1)[1]);
    assertEquals(0, Dates.yearRegions("tanpa angka 123 atau 45").size());
  }
}
