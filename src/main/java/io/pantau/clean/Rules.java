package io.pantau.clean;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The cleaning rules of every language, read once from the {@code rules-*.txt} resources next to
 * this class. Immutable after construction, so one instance serves all threads.
 *
 * <p>Patterns of all languages are merged: a page in one language often carries chrome, credits or
 * dates in the other (an English story on an Indonesian portal), and the rules do not clash. The
 * language still decides the default time zone of times printed without one.
 */
final class Rules {

  /** One language's identity: how to recognise it and which zone its outlets print times in. */
  record Language(String code, Set<String> stopwords, ZoneOffset defaultZone) {}

  private static final String TIME_TEMPLATE =
      "(?:\\s*[,|]?\\s*(?:(?i:pukul|jam|at)\\s+)?(?<h>\\d{1,2})[:.](?<mi>\\d{2})(?::(?<s>\\d{2}))?"
          + "\\s*(?<ampm>(?i:[ap]\\.?m\\.?))?\\s*(?<tz>%s)?)?";

  final List<Language> languages;

  /** Which languages list a word as a stopword: bit i for {@code languages.get(i)}. */
  final WordBits stopwordLanguages;

  final Map<String, Integer> months;
  final Map<String, Integer> days;
  final Map<String, Integer> numbers;
  final Map<String, ChronoUnit> units;
  final Map<String, ZoneOffset> zones;
  final Map<String, Integer> relativeDays;
  final Map<String, String> agencies;
  final Set<String> htmlDrop;

  /** Chrome words that name other content (comments): never trusted to hold the story. */
  final Set<String> htmlDropAlways;

  /** Words that mark the name of a news agency or outlet ("Philippine News Agency"). */
  final Set<String> agencyWords;

  final Set<String> htmlKeep;
  final List<Pattern> chrome;
  final List<Pattern> datelines;
  final List<Pattern> reporter;
  final List<Pattern> editor;
  final List<Pattern> photographer;
  final List<Pattern> otherCredit;
  final List<Pattern> captions;

  /** A photo credit alone on its line: "ANTARA FOTO/Name", "EPA-EFE/Name". */
  final List<Pattern> photoCreditLines;

  final List<Pattern> copyright;
  final List<Pattern> copyrightNoise;
  final List<Pattern> aiProhibited;
  final List<Pattern> aiAllowed;
  final List<Pattern> fullDates;
  final List<Pattern> dayMonths;
  final List<Pattern> monthYears;
  final List<Pattern> updated;
  final List<Pattern> relativeAgo;
  final List<Pattern> stripEnd;

  /** The literal condition of every rule pattern (see {@link Prefilter}), by identity. */
  private final Map<Pattern, Prefilter> filters = new IdentityHashMap<>();

  private static final class Holder {
    static final Rules STANDARD = load("common");
  }

  /** The rules shipped with Pantau, loaded on first use. */
  static Rules standard() {
    return Holder.STANDARD;
  }

  private Rules(List<Map<String, List<String>>> files, List<Language> languages) {
    this.languages = List.copyOf(languages);
    if (languages.size() > Long.SIZE) {
      throw new IllegalArgumentException("at most 64 languages: " + languages.size());
    }
    Map<String, Long> stopMap = new HashMap<>();
    for (int i = 0; i < languages.size(); i++) {
      long bit = 1L << i;
      for (String w : languages.get(i).stopwords()) {
        stopMap.merge(w, bit, (a, b) -> a | b);
      }
    }
    stopwordLanguages = new WordBits(stopMap);
    months = intMap(files, "months");
    days = intMap(files, "days");
    numbers = intMap(files, "numbers");
    relativeDays = intMap(files, "relative.day");
    Map<String, ChronoUnit> unitMap = new HashMap<>();
    map(files, "units").forEach((k, v) -> unitMap.put(k, ChronoUnit.valueOf(v)));
    units = Map.copyOf(unitMap);
    Map<String, ZoneOffset> zoneMap = new HashMap<>();
    map(files, "zones").forEach((k, v) -> zoneMap.put(k, ZoneOffset.of(v)));
    zones = Map.copyOf(zoneMap);
    agencies = map(files, "agency");
    htmlDropAlways = words(files, "html.drop.always");
    Set<String> drop = new HashSet<>(words(files, "html.drop"));
    drop.addAll(htmlDropAlways);
    htmlDrop = Set.copyOf(drop);
    agencyWords = words(files, "agency.words");
    htmlKeep = words(files, "html.keep");
    Map<String, String> placeholders = new HashMap<>();
    // Vocabulary is lower case in the files; pages print "Juni", "JUNE" and "june" alike.
    placeholders.put("{MONTH}", "(?<mon>(?i:" + alternation(months.keySet()) + "))");
    placeholders.put("{DAY}", "(?i:" + alternation(days.keySet()) + ")");
    placeholders.put("{ZONE}", "(?i:" + zoneAlternation() + ")");
    placeholders.put("{TIME}", String.format(TIME_TEMPLATE, "(?i:" + zoneAlternation() + ")"));
    placeholders.put("{NUM}", "(?i:\\d+|" + alternation(numbers.keySet()) + ")");
    placeholders.put("{UNIT}", "(?i:" + alternation(units.keySet()) + ")");
    placeholders.put("{AGENCY}", "(?i:" + alternation(agencies.keySet()) + ")");
    chrome = patterns(files, "chrome", placeholders);
    datelines = patterns(files, "dateline", placeholders);
    reporter = patterns(files, "credit.reporter", placeholders);
    editor = patterns(files, "credit.editor", placeholders);
    photographer = patterns(files, "credit.photographer", placeholders);
    otherCredit = patterns(files, "credit.other", placeholders);
    captions = patterns(files, "caption", placeholders);
    photoCreditLines = patterns(files, "credit.photo.line", placeholders);
    copyright = patterns(files, "copyright", placeholders);
    copyrightNoise = patterns(files, "copyright.noise", placeholders);
    aiProhibited = patterns(files, "ai.prohibited", placeholders);
    aiAllowed = patterns(files, "ai.allowed", placeholders);
    fullDates = patterns(files, "date.full", placeholders);
    dayMonths = patterns(files, "date.daymonth", placeholders);
    monthYears = patterns(files, "date.monthyear", placeholders);
    updated = patterns(files, "date.updated", placeholders);
    relativeAgo = patterns(files, "relative.ago", placeholders);
    stripEnd = patterns(files, "strip.end", placeholders);
    // one scanner for the literals of every rule, so a line is read once for all prefilters
    LiteralScanner scanner = LiteralScanner.of(Prefilter.literals(filters.values()));
    filters.replaceAll((p, f) -> f.bind(scanner));
  }

  private String zoneAlternation() {
    return alternation(zones.keySet()) + "|[+-]\\d{2}:?\\d{2}|Z";
  }

  /** Reads {@code rules-<name>.txt} and every language file it lists. */
  static Rules load(String commonName) {
    Map<String, List<String>> common = read("rules-" + commonName + ".txt");
    List<Map<String, List<String>>> files = new ArrayList<>();
    files.add(common);
    List<Language> languages = new ArrayList<>();
    for (String code : common.getOrDefault("languages", List.of())) {
      Map<String, List<String>> file = read("rules-" + code.trim() + ".txt");
      files.add(file);
      Set<String> stop = new HashSet<>();
      for (String line : file.getOrDefault("stopwords", List.of())) {
        for (String w : line.trim().split("\\s+")) {
          stop.add(w.toLowerCase(Locale.ROOT));
        }
      }
      List<String> zone = file.getOrDefault("default.zone", List.of("Z"));
      languages.add(new Language(code.trim(), Set.copyOf(stop), ZoneOffset.of(zone.get(0).trim())));
    }
    return new Rules(files, languages);
  }

  /** The language of that code, or the first one when the code is unknown. */
  Language language(String code) {
    for (Language l : languages) {
      if (l.code().equals(code)) {
        return l;
      }
    }
    return languages.get(0);
  }

  /** The canonical name of an agency as written in a dateline ("ANTARA News" becomes "ANTARA"). */
  String agency(String written) {
    if (written == null) {
      return null;
    }
    String w = written.trim();
    return agencies.getOrDefault(w.toLowerCase(Locale.ROOT), w);
  }

  private static Map<String, List<String>> read(String resource) {
    Map<String, List<String>> sections = new LinkedHashMap<>();
    try (InputStream in = Rules.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing rule resource " + resource);
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      List<String> current = null;
      String line;
      while ((line = reader.readLine()) != null) {
        String t = line.strip();
        if (t.isEmpty() || t.startsWith("#")) {
          continue;
        }
        if (t.startsWith("[") && t.endsWith("]")) {
          current =
              sections.computeIfAbsent(t.substring(1, t.length() - 1), k -> new ArrayList<>());
        } else if (current != null) {
          current.add(t);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return sections;
  }

  private static List<String> entries(List<Map<String, List<String>>> files, String section) {
    List<String> out = new ArrayList<>();
    for (Map<String, List<String>> f : files) {
      out.addAll(f.getOrDefault(section, List.of()));
    }
    return out;
  }

  private static Map<String, String> map(List<Map<String, List<String>>> files, String section) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String e : entries(files, section)) {
      int eq = e.lastIndexOf('=');
      if (eq > 0) {
        out.putIfAbsent(
            e.substring(0, eq).trim().toLowerCase(Locale.ROOT), e.substring(eq + 1).trim());
      }
    }
    return Collections.unmodifiableMap(out);
  }

  private static Map<String, Integer> intMap(
      List<Map<String, List<String>>> files, String section) {
    Map<String, Integer> out = new LinkedHashMap<>();
    map(files, section).forEach((k, v) -> out.put(k, Integer.parseInt(v)));
    // file order is kept: "kemarin lusa" must be tried before "kemarin"
    return Collections.unmodifiableMap(out);
  }

  private static Set<String> words(List<Map<String, List<String>>> files, String section) {
    Set<String> out = new HashSet<>();
    for (String e : entries(files, section)) {
      for (String w : e.split("\\s+")) {
        out.add(w.toLowerCase(Locale.ROOT));
      }
    }
    return Set.copyOf(out);
  }

  /** The cheap necessary condition of a rule pattern; {@link Prefilter#NONE} for other patterns. */
  Prefilter filter(Pattern p) {
    return filters.getOrDefault(p, Prefilter.NONE);
  }

  /** True when the rule pattern matches the whole line; its prefilter is asked first. */
  boolean matches(Pattern p, Prefilter.Line line) {
    return filter(p).admitsWhole(line) && p.matcher(line.text()).matches();
  }

  /** True when the rule pattern matches at the start of the line; prefilter first. */
  boolean lookingAt(Pattern p, Prefilter.Line line) {
    return filter(p).admits(line) && p.matcher(line.text()).lookingAt();
  }

  private List<Pattern> patterns(
      List<Map<String, List<String>>> files, String section, Map<String, String> placeholders) {
    List<Pattern> out = new ArrayList<>();
    for (String e : entries(files, section)) {
      String regex = e;
      for (Map.Entry<String, String> p : placeholders.entrySet()) {
        regex = regex.replace(p.getKey(), p.getValue());
      }
      Pattern compiled = Pattern.compile(regex, Pattern.UNICODE_CASE);
      filters.put(compiled, Prefilter.of(regex));
      out.add(compiled);
    }
    return List.copyOf(out);
  }

  /** Longest first, so "juni" wins over "jun" and "kemarin lusa" over "kemarin". */
  private static String alternation(Set<String> words) {
    return words.stream()
        .sorted(Comparator.comparingInt(String::length).reversed())
        .map(Pattern::quote)
        .collect(Collectors.joining("|"));
  }
}
