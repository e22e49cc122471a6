package io.pantau.demo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Everything the generator writes with, read once from the resource files: the topics and their
 * cast, the entities, the outlets and, per language, the vocabulary and sentence templates.
 */
final class Lexicon {
  static final List<String> LANGUAGES = List.of("id", "en");

  /** A person who can be quoted; the title and the short form differ by language. */
  record Person(
      String key, String full, String shortId, String shortEn, String titleId, String titleEn) {
    String shortName(String lang) {
      return lang.equals("id") ? shortId : shortEn;
    }

    String title(String lang) {
      return lang.equals("id") ? titleId : titleEn;
    }
  }

  /** An organisation or a place: a name per language, and for places the country. */
  record Named(String key, String id, String en, String countryId, String countryEn) {
    String name(String lang) {
      return lang.equals("id") ? id : en;
    }

    String country(String lang) {
      return lang.equals("id") ? countryId : countryEn;
    }
  }

  /** A topic: how often it is covered, its tone prior and its recurring cast. */
  record Topic(
      String name,
      double weight,
      double[] tone,
      List<Person> people,
      List<Named> orgs,
      List<Named> places) {}

  /** A template line with its tone: +1 positive, -1 negative, 0 neutral. */
  record Template(String text, int tone) {}

  /** The sentence templates and vocabulary of one language. */
  record Language(
      String code,
      Sections vocab,
      Sections generic,
      Sections topics,
      Map<String, List<Template>> parsed) {
    Language(String code, Sections vocab, Sections generic, Sections topics) {
      this(code, vocab, generic, topics, new ConcurrentHashMap<>());
    }

    /** The tone-marked lines of a section, parsed once and kept. */
    List<Template> templates(Sections from, String section) {
      return parsed.computeIfAbsent(
          from.resource() + "#" + section, k -> parseTemplates(from, section));
    }

    private static List<Template> parseTemplates(Sections from, String section) {
      List<Template> out = new ArrayList<>();
      for (String line : from.require(section)) {
        int tone = 0;
        String text = line;
        if (line.length() > 2 && line.charAt(1) == ' ' && "+-=".indexOf(line.charAt(0)) >= 0) {
          tone = line.charAt(0) == '+' ? 1 : line.charAt(0) == '-' ? -1 : 0;
          text = line.substring(2).strip();
        }
        out.add(new Template(text, tone));
      }
      return List.copyOf(out);
    }
  }

  /** An outlet's layout: the lines around the story, per language. */
  record Outlet(String host, Map<String, String> props) {
    String get(String key, String lang) {
      String v = props.get(key + "." + lang);
      return v != null ? v : props.get(key);
    }

    double share(String key) {
      String v = props.get(key);
      return v == null ? 0 : Double.parseDouble(v);
    }

    List<String> langs() {
      return List.of(props.getOrDefault("langs", "id en").split("\\s+"));
    }

    String name() {
      return props.getOrDefault("name", host);
    }
  }

  private final Map<String, Topic> topics;
  private final Map<String, Outlet> outlets;
  private final Map<String, Language> languages;
  private final Sections entities;
  private final List<Person> analysts;

  private Lexicon(
      Map<String, Topic> topics,
      Map<String, Outlet> outlets,
      Map<String, Language> languages,
      Sections entities,
      List<Person> analysts) {
    this.topics = topics;
    this.outlets = outlets;
    this.languages = languages;
    this.entities = entities;
    this.analysts = analysts;
  }

  static Lexicon load() {
    Sections entities = Sections.load("entities.txt");
    Map<String, Person> people = new LinkedHashMap<>();
    for (String line : entities.require("people")) {
      String[] c = columns(entities, line, 6);
      people.put(c[0], new Person(c[0], c[1], c[2], c[3], c[4], c[5]));
    }
    Map<String, Named> named = new LinkedHashMap<>();
    for (String section : List.of("orgs", "places")) {
      for (String line : entities.require(section)) {
        String[] c = columns(entities, line, section.equals("places") ? 5 : 3);
        named.put(
            c[0], new Named(c[0], c[1], c[2], c.length > 3 ? c[3] : "", c.length > 4 ? c[4] : ""));
      }
    }
    Sections topicFile = Sections.load("topics.txt");
    Map<String, Topic> topics = new LinkedHashMap<>();
    List<Person> analysts = List.of();
    for (String name : topicFile.names()) {
      Map<String, String> p = topicFile.properties(name);
      if (name.equals("analysts")) {
        analysts = lookup(people, p.get("people"), name);
        continue;
      }
      String[] tone = p.getOrDefault("tone", "1 1 1").split("\\s+");
      topics.put(
          name,
          new Topic(
              name,
              Double.parseDouble(p.getOrDefault("weight", "1")),
              new double[] {
                Double.parseDouble(tone[0]),
                Double.parseDouble(tone[1]),
                Double.parseDouble(tone[2])
              },
              lookup(people, p.get("people"), name),
              lookup(named, p.get("orgs"), name),
              lookup(named, p.get("places"), name)));
    }
    Sections outletFile = Sections.load("outlets.txt");
    Map<String, Outlet> outlets = new LinkedHashMap<>();
    for (String host : outletFile.names()) {
      outlets.put(host, new Outlet(host, Map.copyOf(outletFile.properties(host))));
    }
    Map<String, Language> languages = new LinkedHashMap<>();
    for (String code : LANGUAGES) {
      Language lang =
          new Language(
              code,
              Sections.load(code + "/vocab.txt"),
              Sections.load(code + "/generic.txt"),
              Sections.load(code + "/topics.txt"));
      for (String topic : topics.keySet()) {
        for (String part : List.of("title", "lead", "body", "quote", "caption", "keyphrase")) {
          lang.topics().require(topic + "." + part);
        }
      }
      languages.put(code, lang);
    }
    return new Lexicon(topics, outlets, languages, entities, analysts);
  }

  private static String[] columns(Sections file, String line, int expected) {
    String[] c = line.split("\\s*\\|\\s*");
    if (c.length != expected) {
      throw new IllegalStateException(
          file.resource() + ": expected " + expected + " columns separated by | in: " + line);
    }
    return c;
  }

  private static <T> List<T> lookup(Map<String, T> from, String keys, String topic) {
    if (keys == null) {
      throw new IllegalStateException("topics.txt: [" + topic + "] lacks people, orgs or places");
    }
    List<T> out = new ArrayList<>();
    for (String key : keys.split("[,\\s]+")) {
      T value = from.get(key);
      if (value == null) {
        throw new IllegalStateException("topics.txt: [" + topic + "] names unknown entity " + key);
      }
      out.add(value);
    }
    return List.copyOf(out);
  }

  Map<String, Topic> topics() {
    return topics;
  }

  Outlet outlet(String host) {
    Outlet known = outlets.get(host);
    if (known != null) {
      return known;
    }
    // An outlet only named in a spec gets the neutral layout under its own host.
    Outlet plain = outlets.get("default");
    Map<String, String> props = new LinkedHashMap<>(plain.props());
    props.put("name", host);
    return new Outlet(host, Map.copyOf(props));
  }

  Language language(String code) {
    Language lang = languages.get(code);
    if (lang == null) {
      throw new IllegalArgumentException(
          "the generator writes only " + LANGUAGES + ", not " + code);
    }
    return lang;
  }

  List<String> names(String section) {
    return entities.require(section);
  }

  List<Person> analysts() {
    return analysts;
  }
}
