package io.pantau.demo;

import io.pantau.demo.Lexicon.Language;
import io.pantau.demo.Lexicon.Named;
import io.pantau.demo.Lexicon.Person;
import io.pantau.demo.Lexicon.Topic;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The fixed facts of one story (language, topic, cast, place, dates) and the template renderer that
 * writes sentences about them.
 *
 * <p>Template syntax: {@code [a|b|c]} picks one alternative (alternatives may nest and hold slots);
 * {@code {slot}} or {@code {slot:arg}} inserts a value; a trailing {@code ^} in a slot name
 * capitalises it. People are introduced with their title on first mention and by their short name
 * afterwards, the way wire copy does it. {@code {p1}}..{@code {p3}} and {@code {o1}} {@code {o2}}
 * are the story's cast drawn at random (p3 an analyst); {@code {r1}}..{@code {r3}} and {@code
 * {org1}}..{@code {org3}} are the topic's people and organisations in their listed order, for
 * sentences where the role matters (who orders a recall, who issues a weather warning).
 */
final class Scene {
  final String lang;
  final Language texts;
  final Topic topic;
  final SplittableRandom rng;
  final Person[] cast;
  final Named[] orgs;
  final Named city;
  final String keyphrase;
  final OffsetDateTime published;
  final LocalDate eventDay;
  final Map<String, String> extra = new HashMap<>();

  /** Values of "#" slots, fixed on first use so that headline and lead state the same figure. */
  private final Map<String, String> facts = new HashMap<>();

  private final Set<String> mentioned = new HashSet<>();

  Scene(
      String lang,
      Language texts,
      Topic topic,
      SplittableRandom rng,
      Person[] cast,
      Named[] orgs,
      Named city,
      String keyphrase,
      OffsetDateTime published,
      LocalDate eventDay) {
    this.lang = lang;
    this.texts = texts;
    this.topic = topic;
    this.rng = rng;
    this.cast = cast;
    this.orgs = orgs;
    this.city = city;
    this.keyphrase = keyphrase;
    this.published = published;
    this.eventDay = eventDay;
  }

  /** Who has been introduced so far, to undo the mentions of text that gets dropped. */
  Set<String> introduced() {
    return new HashSet<>(mentioned);
  }

  void restoreIntroduced(Set<String> earlier) {
    mentioned.retainAll(earlier);
  }

  /** The same facts seen from another outlet and time, for the chrome of a syndicated copy. */
  Scene at(OffsetDateTime when, SplittableRandom random) {
    Scene copy = new Scene(lang, texts, topic, random, cast, orgs, city, keyphrase, when, eventDay);
    copy.extra.putAll(extra);
    copy.mentioned.addAll(mentioned);
    copy.facts.putAll(facts);
    return copy;
  }

  /** Renders a template as a sentence: slots filled, spacing tidied, first letter capitalised. */
  String sentence(String template) {
    return capitalise(tidy(render(template)));
  }

  /** Renders a template without touching its case (for chrome lines and credits). */
  String line(String template) {
    return tidy(render(template));
  }

  <T> T pick(List<T> items) {
    return items.get(rng.nextInt(items.size()));
  }

  String vocab(String section) {
    return render(pick(texts.vocab().require(section)));
  }

  private String render(String t) {
    StringBuilder out = new StringBuilder(t.length() + 32);
    compiled(t).write(this, out);
    return out.toString();
  }

  /**
   * A template parsed once into text, choices and slots. Parsing on every use cost more than
   * filling, and the set of template strings is bounded by the resource files.
   */
  private interface Node {
    void write(Scene scene, StringBuilder out);
  }

  private record Text(String text) implements Node {
    public void write(Scene scene, StringBuilder out) {
      out.append(text);
    }
  }

  private record Slot(String spec) implements Node {
    public void write(Scene scene, StringBuilder out) {
      out.append(scene.slot(spec));
    }
  }

  private record Choice(List<Node> options) implements Node {
    public void write(Scene scene, StringBuilder out) {
      scene.pick(options).write(scene, out);
    }
  }

  private record Sequence(List<Node> parts) implements Node {
    public void write(Scene scene, StringBuilder out) {
      for (Node n : parts) {
        n.write(scene, out);
      }
    }
  }

  private static final Map<String, Node> COMPILED = new ConcurrentHashMap<>();

  private static Node compiled(String t) {
    Node n = COMPILED.get(t);
    if (n == null) {
      n = compile(t);
      COMPILED.put(t, n);
    }
    return n;
  }

  private static Node compile(String t) {
    List<Node> parts = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    int i = 0;
    while (i < t.length()) {
      char c = t.charAt(i);
      if (c == '[' || c == '{') {
        if (text.length() > 0) {
          parts.add(new Text(text.toString()));
          text.setLength(0);
        }
        int end = matching(t, i, c, c == '[' ? ']' : '}');
        if (c == '[') {
          List<Node> options = new ArrayList<>();
          for (String option : splitTop(t.substring(i + 1, end))) {
            options.add(compile(option));
          }
          parts.add(new Choice(List.copyOf(options)));
        } else {
          parts.add(new Slot(t.substring(i + 1, end)));
        }
        i = end + 1;
      } else {
        text.append(c);
        i++;
      }
    }
    if (text.length() > 0) {
      parts.add(new Text(text.toString()));
    }
    return parts.size() == 1 ? parts.get(0) : new Sequence(List.copyOf(parts));
  }

  private static int matching(String t, int from, char open, char close) {
    int depth = 0;
    for (int i = from; i < t.length(); i++) {
      char c = t.charAt(i);
      if (c == open) {
        depth++;
      } else if (c == close && --depth == 0) {
        return i;
      }
    }
    throw new IllegalStateException("unbalanced " + open + " in template: " + t);
  }

  private static List<String> splitTop(String s) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '[' || c == '{') {
        depth++;
      } else if (c == ']' || c == '}') {
        depth--;
      } else if (c == '|' && depth == 0) {
        parts.add(s.substring(start, i));
        start = i + 1;
      }
    }
    parts.add(s.substring(start));
    return parts;
  }

  private String slot(String spec) {
    boolean cap = spec.endsWith("^");
    String s = cap ? spec.substring(0, spec.length() - 1) : spec;
    String value;
    if (s.startsWith("#")) {
      value = facts.get(s);
      if (value == null) {
        value = value(s.substring(1));
        facts.put(s, value);
      }
    } else {
      value = value(s);
    }
    return cap ? capitalise(value) : value;
  }

  private String value(String s) {
    int colon = s.indexOf(':');
    String name = colon < 0 ? s : s.substring(0, colon);
    String arg = colon < 0 ? "" : s.substring(colon + 1);
    switch (name) {
      case "p1":
      case "p2":
      case "p3":
        return mention(cast[name.charAt(1) - '1']);
      case "p1.name":
      case "p2.name":
      case "p3.name":
        return cast[name.charAt(1) - '1'].full();
      case "p1.short":
      case "p2.short":
      case "p3.short":
        return cast[name.charAt(1) - '1'].shortName(lang);
      case "r1":
      case "r2":
      case "r3":
        return mention(role(name));
      case "r1.short":
      case "r2.short":
      case "r3.short":
        return role(name).shortName(lang);
      case "org1":
      case "org2":
      case "org3":
        return topic.orgs().get(Math.min(name.charAt(3) - '1', topic.orgs().size() - 1)).name(lang);
      case "o1":
        return orgs[0].name(lang);
      case "o2":
        return orgs[1].name(lang);
      case "org":
        return pick(topic.orgs()).name(lang);
      case "city":
        return city.name(lang);
      case "CITY":
        return city.name(lang).toUpperCase(Locale.ROOT);
      case "country":
        return city.country(lang);
      case "place":
        return pick(topic.places()).name(lang);
      case "kp1":
        return keyphrase;
      case "kp":
        return render(pick(texts.topics().require(topic.name() + ".keyphrase")));
      case "n":
        return Integer.toString(between(arg));
      case "d":
        return decimal(arg);
      case "big":
        return grouped(between(arg));
      case "v":
        return vocab(arg);
      case "when":
        return when();
      case "weekday":
        return pick(texts.vocab().require("weekday"));
      case "month":
        return texts.vocab().require("month").get(published.getMonthValue() - 1);
      case "prevmonth":
        return texts.vocab().require("month").get((published.getMonthValue() + 10) % 12);
      case "year":
        return Integer.toString(published.getYear());
      case "nextyear":
        return Integer.toString(published.getYear() + 1);
      default:
        String x = extra.get(name);
        if (x == null) {
          throw new IllegalStateException("unknown slot {" + s + "}");
        }
        return x;
    }
  }

  /** The topic's person in a fixed role ({r1} is its first listed person), for role-bound facts. */
  private Person role(String name) {
    return topic.people().get(Math.min(name.charAt(1) - '1', topic.people().size() - 1));
  }

  private String mention(Person p) {
    if (mentioned.add(p.key())) {
      return p.title(lang) + " " + p.full();
    }
    return p.shortName(lang);
  }

  /** The event day as wire copy names it: "pada Senin (16/6)" or "on Monday". */
  private String when() {
    String weekday = texts.vocab().require("weekday").get(eventDay.getDayOfWeek().getValue() - 1);
    if (lang.equals("id")) {
      return "pada "
          + weekday
          + " ("
          + eventDay.getDayOfMonth()
          + "/"
          + eventDay.getMonthValue()
          + ")";
    }
    return "on " + weekday;
  }

  private static final Map<String, int[]> RANGES = new ConcurrentHashMap<>();

  private int between(String arg) {
    int[] r = RANGES.computeIfAbsent(arg, a -> range(a, 1));
    return r[0] + rng.nextInt(r[1] - r[0] + 1);
  }

  private String decimal(String arg) {
    int[] r = RANGES.computeIfAbsent("d" + arg, a -> range(arg, 10));
    int v = r[0] + rng.nextInt(r[1] - r[0] + 1);
    String sep = lang.equals("id") ? "," : ".";
    return (v / 10) + sep + (v % 10);
  }

  /** Parses "lo-hi", scaled (10 keeps one decimal as an integer). */
  private static int[] range(String arg, int scale) {
    String[] r = arg.split("-");
    return new int[] {
      (int) Math.round(Double.parseDouble(r[0]) * scale),
      (int) Math.round(Double.parseDouble(r[1]) * scale)
    };
  }

  private String grouped(int v) {
    String digits = Integer.toString(v);
    char sep = lang.equals("id") ? '.' : ',';
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < digits.length(); i++) {
      if (i > 0 && (digits.length() - i) % 3 == 0) {
        out.append(sep);
      }
      out.append(digits.charAt(i));
    }
    return out.toString();
  }

  /** Collapses the doubled spaces and the space before a comma or stop that empty options leave. */
  static String tidy(String s) {
    if (s.indexOf("  ") < 0
        && s.indexOf(" ,") < 0
        && s.indexOf(" .") < 0
        && !s.isEmpty()
        && s.charAt(0) != ' '
        && s.charAt(s.length() - 1) != ' ') {
      return s;
    }
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == ' ') {
        char next = i + 1 < s.length() ? s.charAt(i + 1) : '\n';
        if (next == ' ' || next == ',' || next == '.' || out.length() == 0) {
          continue;
        }
      }
      out.append(c);
    }
    return out.toString().strip();
  }

  static String capitalise(String s) {
    // An opening quote mark is not the first letter.
    int i = s.startsWith("\"") || s.startsWith("\u201c") ? 1 : 0;
    if (s.length() <= i || !Character.isLowerCase(s.charAt(i))) {
      return s;
    }
    return s.substring(0, i) + Character.toUpperCase(s.charAt(i)) + s.substring(i + 1);
  }
}
