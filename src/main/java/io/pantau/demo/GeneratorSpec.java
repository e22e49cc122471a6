package io.pantau.demo;

import io.pantau.ingest.ArticleFileException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * What the {@link ArticleGenerator} should produce. Immutable; validated on construction.
 *
 * @param count how many articles, syndicated copies included
 * @param seed the random seed: the same spec always yields the same articles
 * @param start the first publication day (Jakarta time)
 * @param days how many days the corpus spans, from {@code start}
 * @param minWords the fewest words of story text per article
 * @param maxWords the most words of story text per article
 * @param languageMix language code to relative weight ({@code id}, {@code en})
 * @param sources outlet host to relative weight; hosts the generator has no layout for get a plain
 *     one
 * @param syndicationRate the share of articles that are copies of another outlet's story
 * @param topics the topics to write about; empty means every topic the generator knows
 * @param bursts spikes of coverage; empty means a few derived from the seed
 * @param burstShare the share of original stories that belong to a burst (0 turns bursts off)
 * @param undatedRate the share of articles delivered without a {@code published} value
 */
public record GeneratorSpec(
    int count,
    long seed,
    LocalDate start,
    int days,
    int minWords,
    int maxWords,
    Map<String, Double> languageMix,
    Map<String, Double> sources,
    double syndicationRate,
    List<String> topics,
    List<Burst> bursts,
    double burstShare,
    double undatedRate) {

  /**
   * A spike of coverage on one topic.
   *
   * @param topic the topic name
   * @param start the first day of the spike
   * @param days how long it lasts (2-3 makes a visible spike)
   */
  public record Burst(String topic, LocalDate start, int days) {
    public Burst {
      if (topic == null || topic.isBlank() || start == null || days < 1) {
        throw new IllegalArgumentException("a burst needs a topic, a start day and days >= 1");
      }
    }

    /** True when the day falls inside the burst. */
    public boolean covers(LocalDate day) {
      return !day.isBefore(start) && day.isBefore(start.plusDays(days));
    }
  }

  /** Validates the spec and freezes its collections. */
  public GeneratorSpec {
    require(count >= 0, "count must not be negative");
    require(start != null, "start is required");
    require(days >= 1, "days must be at least 1");
    require(minWords >= 50 && maxWords >= minWords, "need 50 <= minWords <= maxWords");
    require(maxWords - minWords >= 40 || maxWords >= 200, "the word range is too narrow to fill");
    require(syndicationRate >= 0 && syndicationRate < 0.5, "syndicationRate must be in [0, 0.5)");
    require(burstShare >= 0 && burstShare <= 0.5, "burstShare must be in [0, 0.5]");
    require(undatedRate >= 0 && undatedRate <= 1, "undatedRate must be in [0, 1]");
    languageMix = weights(languageMix, "languageMix");
    sources = weights(sources, "sources");
    topics = List.copyOf(topics == null ? List.of() : topics);
    bursts = List.copyOf(bursts == null ? List.of() : bursts);
  }

  /** The file Pantau reads the demo corpus parameters from, inside the seeds folder. */
  public static final String CORPUS_FILE = "demo-corpus.properties";

  /**
   * Reads the demo corpus parameters from {@value #CORPUS_FILE} in the seeds folder.
   *
   * @throws IllegalArgumentException naming the file and key when a value cannot be read
   */
  public static GeneratorSpec read(Path seedsDir) throws IOException {
    Path file = seedsDir.resolve(CORPUS_FILE);
    Properties p = new Properties();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(in);
    }
    try {
      return fromProperties(p);
    } catch (IllegalArgumentException e) {
      throw new ArticleFileException(file.toString(), 0, e.getMessage());
    }
  }

  /** A mid-sized corpus: 1,000 articles over five months from June 2025, 60% Indonesian. */
  public static GeneratorSpec defaults() {
    return new GeneratorSpec(
        1000,
        42L,
        LocalDate.of(2025, 6, 1),
        153,
        300,
        900,
        orderedMap("id", 0.6, "en", 0.4),
        defaultSources(),
        0.08,
        List.of(),
        List.of(),
        0.12,
        0.06);
  }

  /** The same spec with another article count, for benchmarks of several sizes. */
  public GeneratorSpec withCount(int newCount) {
    return new GeneratorSpec(
        newCount,
        seed,
        start,
        days,
        minWords,
        maxWords,
        languageMix,
        sources,
        syndicationRate,
        topics,
        bursts,
        burstShare,
        undatedRate);
  }

  /** The same spec with another seed. */
  public GeneratorSpec withSeed(long newSeed) {
    return new GeneratorSpec(
        count,
        newSeed,
        start,
        days,
        minWords,
        maxWords,
        languageMix,
        sources,
        syndicationRate,
        topics,
        bursts,
        burstShare,
        undatedRate);
  }

  /**
   * The same spec moved in time so that its last publication day is {@code lastDay}: the start and
   * every burst move by the same number of days and the length stays, so the spacing of the bursts
   * is kept. The generator draws the days again with the new dates' weekday weights, so weekends
   * stay quiet on the new calendar; syndicated copies may still appear hours after {@code lastDay}.
   */
  public GeneratorSpec endingOn(LocalDate lastDay) {
    long shift = ChronoUnit.DAYS.between(end().minusDays(1), lastDay);
    List<Burst> moved = new ArrayList<>();
    for (Burst b : bursts) {
      moved.add(new Burst(b.topic(), b.start().plusDays(shift), b.days()));
    }
    return new GeneratorSpec(
        count,
        seed,
        start.plusDays(shift),
        days,
        minWords,
        maxWords,
        languageMix,
        sources,
        syndicationRate,
        topics,
        moved,
        burstShare,
        undatedRate);
  }

  /**
   * Reads a spec; absent keys keep the {@link #defaults()}. Keys: {@code count}, {@code seed},
   * {@code start} (yyyy-mm-dd), {@code days} or {@code months}, {@code words.min}, {@code
   * words.max}, {@code languages} ({@code id:0.6,en:0.4}), {@code sources} ({@code
   * host:weight,...}), {@code syndication.rate}, {@code topics} (comma list), {@code bursts}
   * ({@code topic:yyyy-mm-dd:days,...}), {@code burst.share}, {@code undated.rate}.
   *
   * @throws IllegalArgumentException naming the key whose value cannot be read
   */
  public static GeneratorSpec fromProperties(Properties p) {
    GeneratorSpec d = defaults();
    LocalDate start = p.containsKey("start") ? date("start", p.getProperty("start")) : d.start();
    int days = d.days();
    if (p.containsKey("days")) {
      days = integer(p, "days");
    } else if (p.containsKey("months")) {
      days = (int) ChronoUnit.DAYS.between(start, start.plusMonths(integer(p, "months")));
    }
    return new GeneratorSpec(
        p.containsKey("count") ? integer(p, "count") : d.count(),
        p.containsKey("seed") ? longValue(p, "seed") : d.seed(),
        start,
        days,
        p.containsKey("words.min") ? integer(p, "words.min") : d.minWords(),
        p.containsKey("words.max") ? integer(p, "words.max") : d.maxWords(),
        p.containsKey("languages") ? weightList(p, "languages") : d.languageMix(),
        p.containsKey("sources") ? weightList(p, "sources") : d.sources(),
        p.containsKey("syndication.rate") ? decimal(p, "syndication.rate") : d.syndicationRate(),
        p.containsKey("topics") ? list(p.getProperty("topics")) : d.topics(),
        p.containsKey("bursts") ? bursts(p.getProperty("bursts")) : d.bursts(),
        p.containsKey("burst.share") ? decimal(p, "burst.share") : d.burstShare(),
        p.containsKey("undated.rate") ? decimal(p, "undated.rate") : d.undatedRate());
  }

  /** The day after the last publication day. */
  public LocalDate end() {
    return start.plusDays(days);
  }

  private static Map<String, Double> defaultSources() {
    Map<String, Double> m = new LinkedHashMap<>();
    m.put("antaranews.com", 0.20);
    m.put("kompas.com", 0.16);
    m.put("detik.com", 0.15);
    m.put("tempo.co", 0.10);
    m.put("cnbcindonesia.com", 0.09);
    m.put("thejakartapost.com", 0.11);
    m.put("reuters.com", 0.11);
    m.put("apnews.com", 0.08);
    return m;
  }

  private static Map<String, Double> orderedMap(String k1, double v1, String k2, double v2) {
    Map<String, Double> m = new LinkedHashMap<>();
    m.put(k1, v1);
    m.put(k2, v2);
    return m;
  }

  private static Map<String, Double> weights(Map<String, Double> in, String name) {
    require(in != null && !in.isEmpty(), name + " must not be empty");
    Map<String, Double> copy = new LinkedHashMap<>();
    in.forEach(
        (k, v) -> {
          require(k != null && !k.isBlank() && v != null && v >= 0, name + ": bad entry " + k);
          copy.put(k.strip(), v);
        });
    require(copy.values().stream().mapToDouble(Double::doubleValue).sum() > 0, name + " sums to 0");
    return Collections.unmodifiableMap(copy);
  }

  private static Map<String, Double> weightList(Properties p, String key) {
    Map<String, Double> m = new LinkedHashMap<>();
    for (String item : list(p.getProperty(key))) {
      int colon = item.lastIndexOf(':');
      if (colon <= 0) {
        throw new IllegalArgumentException(key + ": expected name:weight, got '" + item + "'");
      }
      try {
        m.put(item.substring(0, colon).strip(), Double.parseDouble(item.substring(colon + 1)));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(key + ": bad weight in '" + item + "'", e);
      }
    }
    return m;
  }

  private static List<Burst> bursts(String value) {
    List<Burst> out = new ArrayList<>();
    for (String item : list(value)) {
      String[] parts = item.split(":");
      if (parts.length != 3) {
        throw new IllegalArgumentException("bursts: expected topic:yyyy-mm-dd:days, got " + item);
      }
      try {
        out.add(
            new Burst(
                parts[0].strip(), date("bursts", parts[1]), Integer.parseInt(parts[2].strip())));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("bursts: bad day count in " + item, e);
      }
    }
    return out;
  }

  private static List<String> list(String value) {
    List<String> out = new ArrayList<>();
    for (String s : value.split(",")) {
      if (!s.isBlank()) {
        out.add(s.strip());
      }
    }
    return out;
  }

  private static LocalDate date(String key, String value) {
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(key + ": expected yyyy-mm-dd, got '" + value + "'", e);
    }
  }

  private static int integer(Properties p, String key) {
    try {
      return Integer.parseInt(p.getProperty(key).strip().replace("_", ""));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + ": expected a whole number", e);
    }
  }

  private static long longValue(Properties p, String key) {
    try {
      return Long.parseLong(p.getProperty(key).strip().replace("_", ""));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + ": expected a whole number", e);
    }
  }

  private static double decimal(Properties p, String key) {
    try {
      return Double.parseDouble(p.getProperty(key).strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + ": expected a number", e);
    }
  }

  private static void require(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }
}
