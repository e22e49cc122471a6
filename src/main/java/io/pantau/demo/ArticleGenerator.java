package io.pantau.demo;

import io.pantau.article.RawArticle;
import io.pantau.article.SentimentLabel;
import io.pantau.demo.GeneratorSpec.Burst;
import io.pantau.demo.Lexicon.Named;
import io.pantau.demo.Lexicon.Outlet;
import io.pantau.demo.Lexicon.Person;
import io.pantau.demo.Lexicon.Topic;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/**
 * Writes realistic raw news articles, Indonesian and English, deterministically from a {@link
 * GeneratorSpec}: the same spec always yields the same articles in the same order.
 *
 * <p>Articles arrive in the three forms Pantau accepts, in shares set per outlet in {@code
 * outlets.txt}: scraped text ({@code body} opening with the headline, chrome around the story,
 * sometimes an aggregator's), feed items ({@code title} apart, {@code lang} given, little chrome)
 * and whole HTML pages ({@code html} with navigation, related links and comments). {@code source}
 * is the outlet's host; a syndicated copy keeps the original's dateline and credits under the
 * republisher's chrome.
 *
 * <p>Each story draws its own random numbers from the seed and its position, so a stream of 20,000
 * costs no memory beyond the article in hand, and the first n articles of a bigger corpus are the
 * corpus of n. Reads only its own classpath resources; thread-safe once built.
 */
public final class ArticleGenerator {
  private static final ZoneOffset JAKARTA = ZoneOffset.ofHours(7);

  /**
   * Relative publishing activity per hour of the Jakarta day: newsrooms file from early morning,
   * peak late morning and mid-afternoon, and thin out at night.
   */
  private static final double[] HOURS = {
    0.15, 0.08, 0.06, 0.06, 0.12, 0.35, 0.8, 1.3, 1.7, 1.9, 2.0, 1.9, 1.5, 1.6, 1.8, 1.8, 1.6, 1.4,
    1.2, 1.1, 1.0, 0.8, 0.5, 0.3
  };

  /** Weekend output of a newsroom, relative to a weekday. */
  private static final double SATURDAY = 0.55;

  private static final double SUNDAY = 0.45;

  private final Lexicon lexicon;

  /** Loads the vocabularies and templates; fails fast when a resource is missing or malformed. */
  public ArticleGenerator() {
    this.lexicon = Lexicon.load();
  }

  /** The raw articles of the spec, in generation order (not sorted by date). */
  public Stream<RawArticle> generate(GeneratorSpec spec) {
    return generateDetailed(spec).map(GeneratedArticle::raw);
  }

  /** The articles of the spec with what the generator knows about each (topic, tone, copies). */
  public Stream<GeneratedArticle> generateDetailed(GeneratorSpec spec) {
    Plan plan = new Plan(spec);
    return LongStream.iterate(0, i -> i + 1)
        .mapToObj(plan::story)
        .flatMap(List::stream)
        .limit(spec.count());
  }

  /** The topics the generator can write about. */
  public List<String> topics() {
    return List.copyOf(lexicon.topics().keySet());
  }

  /** The bursts the spec yields: its own, or a few derived from its seed when it names none. */
  public List<Burst> bursts(GeneratorSpec spec) {
    return new Plan(spec).bursts;
  }

  /** Cumulative weights, so a draw is one binary search. */
  private static final class Weighted<T> {
    private final List<T> items;
    private final double[] cumulative;

    Weighted(List<T> items, double[] weights) {
      this.items = List.copyOf(items);
      this.cumulative = new double[weights.length];
      double sum = 0;
      for (int i = 0; i < weights.length; i++) {
        sum += weights[i];
        cumulative[i] = sum;
      }
      if (items.isEmpty() || sum <= 0) {
        throw new IllegalArgumentException("nothing to choose from");
      }
    }

    T draw(SplittableRandom rng) {
      double r = rng.nextDouble() * cumulative[cumulative.length - 1];
      int i = Arrays.binarySearch(cumulative, r);
      return items.get(Math.min(items.size() - 1, i < 0 ? -i - 1 : i + 1));
    }
  }

  private final class Plan {
    final GeneratorSpec spec;
    final List<Burst> bursts;
    final Weighted<Topic> topics;
    final Weighted<LocalDate> days;
    final Weighted<String> languages;
    final Map<String, Weighted<Outlet>> outlets = new HashMap<>();
    final Weighted<Integer> hours;
    final double copyChance;

    Plan(GeneratorSpec spec) {
      this.spec = spec;
      List<Topic> chosen = new ArrayList<>();
      for (String name : spec.topics().isEmpty() ? topics() : spec.topics()) {
        Topic t = lexicon.topics().get(name);
        if (t == null) {
          throw new IllegalArgumentException("unknown topic " + name + "; known: " + topics());
        }
        chosen.add(t);
      }
      topics = new Weighted<>(chosen, chosen.stream().mapToDouble(Topic::weight).toArray());
      List<LocalDate> dayList = new ArrayList<>();
      double[] dayWeights = new double[spec.days()];
      for (int i = 0; i < spec.days(); i++) {
        LocalDate d = spec.start().plusDays(i);
        dayList.add(d);
        dayWeights[i] =
            d.getDayOfWeek() == DayOfWeek.SATURDAY
                ? SATURDAY
                : d.getDayOfWeek() == DayOfWeek.SUNDAY ? SUNDAY : 1.0;
      }
      days = new Weighted<>(dayList, dayWeights);
      List<Integer> hourList = new ArrayList<>();
      for (int h = 0; h < 24; h++) {
        hourList.add(h);
      }
      hours = new Weighted<>(hourList, HOURS);
      languages =
          new Weighted<>(
              new ArrayList<>(spec.languageMix().keySet()),
              spec.languageMix().values().stream().mapToDouble(Double::doubleValue).toArray());
      Map<String, Map<Outlet, Double>> byLanguage = splitSources();
      for (String lang : spec.languageMix().keySet()) {
        Map<Outlet, Double> able = byLanguage.get(lang);
        if (able.isEmpty() && spec.languageMix().get(lang) > 0) {
          throw new IllegalArgumentException("no source in the spec publishes in " + lang);
        }
        if (!able.isEmpty()) {
          outlets.put(
              lang,
              new Weighted<>(
                  new ArrayList<>(able.keySet()),
                  able.values().stream().mapToDouble(Double::doubleValue).toArray()));
        }
      }
      bursts = spec.bursts().isEmpty() ? derivedBursts(chosen) : validated(spec.bursts());
      copyChance = spec.syndicationRate() / (1 - spec.syndicationRate());
    }

    /**
     * Each outlet's weight per language. The language is drawn first (to honour the mix) and the
     * outlet second, so a bilingual outlet's weight is split over its languages by how much each
     * language still lacks after the single-language outlets: that way every outlet's overall share
     * matches its weight whenever the mix allows it.
     */
    private Map<String, Map<Outlet, Double>> splitSources() {
      Set<String> langs = spec.languageMix().keySet();
      double total = spec.sources().values().stream().mapToDouble(Double::doubleValue).sum();
      double mixTotal = spec.languageMix().values().stream().mapToDouble(Double::doubleValue).sum();
      Map<String, Double> lacking = new HashMap<>();
      for (String lang : langs) {
        lexicon.language(lang);
        lacking.put(lang, spec.languageMix().get(lang) / mixTotal * total);
      }
      Map<Outlet, List<String>> spoken = new LinkedHashMap<>();
      spec.sources()
          .forEach(
              (host, w) -> {
                Outlet o = lexicon.outlet(host);
                List<String> in = o.langs().stream().filter(langs::contains).toList();
                spoken.put(o, in);
                if (in.size() == 1) {
                  lacking.merge(in.get(0), -w, Double::sum);
                }
              });
      Map<String, Map<Outlet, Double>> out = new HashMap<>();
      for (String lang : langs) {
        out.put(lang, new LinkedHashMap<>());
      }
      spoken.forEach(
          (o, in) -> {
            double w = spec.sources().get(o.host());
            double need = in.stream().mapToDouble(l -> Math.max(0, lacking.get(l))).sum();
            for (String lang : in) {
              double part = need > 0 ? Math.max(0, lacking.get(lang)) / need : 1.0 / in.size();
              if (w * part > 0) {
                out.get(lang).put(o, w * part);
              }
            }
          });
      return out;
    }

    private List<Burst> validated(List<Burst> given) {
      for (Burst b : given) {
        if (!lexicon.topics().containsKey(b.topic())) {
          throw new IllegalArgumentException("burst on unknown topic " + b.topic());
        }
        if (b.start().isBefore(spec.start()) || b.start().plusDays(b.days()).isAfter(spec.end())) {
          throw new IllegalArgumentException("burst " + b + " lies outside the corpus period");
        }
      }
      return given;
    }

    /** One burst per five weeks or so, each in its own stretch of the period so none overlap. */
    private List<Burst> derivedBursts(List<Topic> chosen) {
      if (spec.burstShare() == 0 || spec.days() < 4) {
        return List.of();
      }
      SplittableRandom rng = new SplittableRandom(mix(spec.seed(), -1));
      int n = Math.max(1, (int) Math.round(spec.days() / 35.0));
      int stretch = spec.days() / n;
      List<Burst> out = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        int length = 2 + rng.nextInt(2);
        int room = Math.max(1, stretch - length);
        LocalDate start = spec.start().plusDays((long) i * stretch + rng.nextInt(room));
        Topic topic = chosen.get(rng.nextInt(chosen.size()));
        out.add(new Burst(topic.name(), start, Math.min(length, spec.days())));
      }
      return List.copyOf(out);
    }

    List<GeneratedArticle> story(long index) {
      SplittableRandom rng = new SplittableRandom(mix(spec.seed(), index));
      String lang = languages.draw(rng);
      boolean burst = !bursts.isEmpty() && rng.nextDouble() < spec.burstShare();
      Topic topic;
      LocalDate day;
      if (burst) {
        Burst b = bursts.get(rng.nextInt(bursts.size()));
        topic = lexicon.topics().get(b.topic());
        day = b.start().plusDays(rng.nextInt(b.days()));
      } else {
        topic = topics.draw(rng);
        day = days.draw(rng);
      }
      Outlet outlet = outlets.get(lang).draw(rng);
      OffsetDateTime local =
          day.atTime(hours.draw(rng), rng.nextInt(60), rng.nextInt(60)).atOffset(JAKARTA);
      OffsetDateTime published = local.withOffsetSameInstant(offset(outlet));
      // Wire copy often reports yesterday's event: "pada Minggu (19/10)" in a Monday story.
      LocalDate eventDay = rng.nextDouble() < 0.2 ? day.minusDays(1) : day;
      SentimentLabel tone = tone(topic, rng);

      Person[] cast = new Person[3];
      List<Person> people = new ArrayList<>(topic.people());
      cast[0] = people.remove(rng.nextInt(people.size()));
      cast[1] = people.get(rng.nextInt(people.size()));
      cast[2] = lexicon.analysts().get(rng.nextInt(lexicon.analysts().size()));
      List<Named> orgPool = new ArrayList<>(topic.orgs());
      Named o1 = orgPool.remove(rng.nextInt(orgPool.size()));
      Named o2 = orgPool.get(rng.nextInt(orgPool.size()));
      Named city = topic.places().get(rng.nextInt(topic.places().size()));
      Lexicon.Language texts = lexicon.language(lang);
      List<String> keyphrases = texts.topics().require(topic.name() + ".keyphrase");
      String keyphrase = keyphrases.get(rng.nextInt(keyphrases.size()));
      Scene scene =
          new Scene(
              lang,
              texts,
              topic,
              rng,
              cast,
              new Named[] {o1, o2},
              city,
              keyphrase,
              local,
              eventDay);

      bindChrome(scene, outlet, published, null);
      String dateline = scene.line(outlet.get("dateline", lang));
      String creditLine = outlet.get("credits", lang);
      String credits = creditLine == null ? null : scene.line(creditLine.replace("\\n", "\n"));
      Story story =
          StoryWriter.write(scene, tone, dateline, credits, spec.minWords(), spec.maxWords());

      String url = url(outlet, published, story.title(), index);
      boolean dated = rng.nextDouble() >= spec.undatedRate();
      Layout.Copy original =
          new Layout.Copy(
              outlet, scene, published, dated, fetched(rng, published, dated), url, null);
      List<GeneratedArticle> out = new ArrayList<>(2);
      out.add(
          new GeneratedArticle(
              Layout.render(story, original, Layout.form(outlet, rng.nextDouble())),
              lang,
              topic.name(),
              tone,
              published.toInstant(),
              story.text(),
              null,
              burst));
      if (rng.nextDouble() < copyChance) {
        GeneratedArticle copy = syndicate(story, outlet, published, index, rng, burst, url);
        if (copy != null) {
          out.add(copy);
        }
      }
      return out;
    }

    private GeneratedArticle syndicate(
        Story story,
        Outlet from,
        OffsetDateTime published,
        long index,
        SplittableRandom rng,
        boolean burst,
        String originalUrl) {
      String lang = story.scene().lang;
      Outlet to = from;
      for (int i = 0; i < 20 && to.host().equals(from.host()); i++) {
        to = outlets.get(lang).draw(rng);
      }
      if (to.host().equals(from.host())) {
        // A spec with a single outlet for the language leaves nobody to republish.
        return null;
      }
      OffsetDateTime later =
          published.plusMinutes(60 + rng.nextInt(8 * 60)).withOffsetSameInstant(offset(to));
      Scene chrome = story.scene().at(later.withOffsetSameInstant(JAKARTA), rng);
      bindChrome(chrome, to, later, from);
      String note = to.get("syndicated", lang);
      Story copy = story.withLead(reword(chrome, story.lead()));
      boolean dated = rng.nextDouble() >= spec.undatedRate();
      Layout.Copy layout =
          new Layout.Copy(
              to,
              chrome,
              later,
              dated,
              fetched(rng, later, dated),
              url(to, later, story.title(), index),
              note == null ? null : chrome.line(note));
      return new GeneratedArticle(
          Layout.render(copy, layout, Layout.form(to, rng.nextDouble())),
          lang,
          story.scene().topic.name(),
          story.tone(),
          later.toInstant(),
          copy.text(),
          originalUrl,
          burst);
    }

    /** Republishers touch up the first sentence: a synonym here, an attribution there. */
    private String reword(Scene chrome, String lead) {
      List<String> pairs = new ArrayList<>(chrome.texts.vocab().require("reword"));
      String result = lead;
      while (!pairs.isEmpty() && result.equals(lead)) {
        String[] pair = pairs.remove(chrome.rng.nextInt(pairs.size())).split("\\s*=>\\s*");
        // Whole words only: "akan" must not match inside "mengatakan".
        Matcher m = Pattern.compile("\\b" + Pattern.quote(pair[0]) + "\\b").matcher(lead);
        if (m.find()) {
          result = lead.substring(0, m.start()) + pair[1] + lead.substring(m.end());
        }
      }
      if (result.equals(lead) || chrome.rng.nextBoolean()) {
        String tail = chrome.line(chrome.pick(chrome.texts.vocab().require("reword.tail")));
        result =
            result.endsWith(".")
                ? result.substring(0, result.length() - 1) + tail + "."
                : result + tail;
      }
      return result;
    }

    private void bindChrome(Scene s, Outlet outlet, OffsetDateTime at, Outlet origin) {
      s.extra.put(
          "agency",
          outlet.get("agency", s.lang) == null ? outlet.name() : outlet.get("agency", s.lang));
      s.extra.put("outlet", outlet.name());
      s.extra.put("origin", origin == null ? outlet.name() : origin.name());
      List<String> reporters = lexicon.names("reporters." + s.lang);
      String reporter = s.pick(reporters);
      s.extra.put("reporter", reporter);
      s.extra.put("reporter2", s.pick(reporters));
      s.extra.put("editor", s.pick(lexicon.names("editors." + s.lang)));
      s.extra.put("photographer", s.pick(lexicon.names("photographers")));
      s.extra.put("initials", initials(reporter));
      s.extra.put("initials2", initials(s.pick(reporters)));
      List<String> months = s.texts.vocab().require("month");
      List<String> shortMonths = s.texts.vocab().require("month.short");
      List<String> weekdays = s.texts.vocab().require("weekday");
      s.extra.put("dd", String.format("%02d", at.getDayOfMonth()));
      s.extra.put("mm", String.format("%02d", at.getMonthValue()));
      s.extra.put("yyyy", Integer.toString(at.getYear()));
      s.extra.put("hh", String.format("%02d", at.getHour()));
      s.extra.put("min", String.format("%02d", at.getMinute()));
      int h12 = at.getHour() % 12 == 0 ? 12 : at.getHour() % 12;
      s.extra.put("h12", Integer.toString(h12));
      s.extra.put("ampm", at.getHour() < 12 ? "AM" : "PM");
      s.extra.put("day", Integer.toString(at.getDayOfMonth()));
      s.extra.put("monthname", months.get(at.getMonthValue() - 1));
      s.extra.put("mon", shortMonths.get(at.getMonthValue() - 1));
      s.extra.put("weekdayname", weekdays.get(at.getDayOfWeek().getValue() - 1));
    }

    private SentimentLabel tone(Topic topic, SplittableRandom rng) {
      double[] p = topic.tone();
      double r = rng.nextDouble() * (p[0] + p[1] + p[2]);
      return r < p[0]
          ? SentimentLabel.positive
          : r < p[0] + p[1] ? SentimentLabel.neutral : SentimentLabel.negative;
    }
  }

  private static ZoneOffset offset(Outlet outlet) {
    String o = outlet.props().getOrDefault("offset", "+07:00");
    return ZoneOffset.of(o);
  }

  /** Dated copies are fetched within hours; undated ones within a day, so "on Monday" resolves. */
  private static Instant fetched(SplittableRandom rng, OffsetDateTime published, boolean dated) {
    long minutes = dated ? 3 + rng.nextInt(240) : 10 + rng.nextInt(20 * 60);
    return published.toInstant().plus(Duration.ofMinutes(minutes)).plusSeconds(rng.nextInt(60));
  }

  private static String url(Outlet outlet, OffsetDateTime published, String title, long index) {
    return String.format(
        "https://%s/%04d/%02d/%02d/%s-%d",
        outlet.host(),
        published.getYear(),
        published.getMonthValue(),
        published.getDayOfMonth(),
        Layout.slug(title, 8),
        index);
  }

  private static String initials(String name) {
    StringBuilder out = new StringBuilder();
    for (String part : name.split("\\s+")) {
      if (!part.isEmpty() && Character.isLetter(part.charAt(0))) {
        out.append(Character.toLowerCase(part.charAt(0)));
      }
    }
    return out.length() >= 2 ? out.toString() : (out + "xx").substring(0, 3);
  }

  /** Murmur3's finaliser over seed and index: neighbouring indexes get unrelated streams. */
  static long mix(long seed, long index) {
    long z = seed * 0x9E3779B97F4A7C15L + index;
    z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
    z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
    z = z ^ (z >>> 33);
    z = (z + 0x632BE59BD9B4E019L) * 0xff51afd7ed558ccdL;
    return z ^ (z >>> 29);
  }
}
