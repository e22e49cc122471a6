package io.pantau.outbound;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The rules of one robots.txt (RFC 9309) for one crawler: groups of {@code User-agent} lines
 * followed by {@code Allow} and {@code Disallow} rules. The most specific (longest) matching rule
 * decides, {@code Allow} winning a tie; {@code *} matches any characters and a final {@code $}
 * anchors the end. A crawler without a group of its own follows the {@code *} group.
 */
final class RobotsRules {
  /** RFC 9309 lets crawlers stop reading after 500 KiB; more rules than this are ignored too. */
  static final int MAX_BYTES = 500 * 1024;

  private static final int MAX_RULES = 5000;

  static final RobotsRules ALLOW_ALL = new RobotsRules(List.of());
  static final RobotsRules DISALLOW_ALL = new RobotsRules(List.of(Rule.of(false, "/")));

  private record Group(List<String> agents, List<Rule> rules) {}

  private record Rule(boolean allow, String pattern, Pattern regex) {
    static Rule of(boolean allow, String pattern) {
      StringBuilder re = new StringBuilder();
      boolean anchored = pattern.endsWith("$");
      String body = anchored ? pattern.substring(0, pattern.length() - 1) : pattern;
      int start = 0;
      for (int star = body.indexOf('*'); star >= 0; star = body.indexOf('*', start)) {
        re.append(Pattern.quote(body.substring(start, star))).append(".*");
        start = star + 1;
      }
      re.append(Pattern.quote(body.substring(start)));
      if (anchored) {
        re.append('$');
      }
      return new Rule(allow, pattern, Pattern.compile(re.toString(), Pattern.DOTALL));
    }

    boolean matches(String path) {
      return regex.matcher(path).lookingAt();
    }
  }

  private final List<Rule> rules;

  private RobotsRules(List<Rule> rules) {
    this.rules = rules;
  }

  /** The rules that apply to the crawler named {@code agent} (its product token, e.g. Pantau). */
  static RobotsRules parse(String text, String agent) {
    List<Group> groups = new ArrayList<>();
    Group current = null;
    boolean lastWasAgent = false;
    int ruleCount = 0;
    for (String raw : text.split("\r\n|\r|\n")) {
      int hash = raw.indexOf('#');
      String line = (hash >= 0 ? raw.substring(0, hash) : raw).trim();
      int colon = line.indexOf(':');
      if (colon <= 0) {
        continue;
      }
      String key = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
      String value = line.substring(colon + 1).trim();
      switch (key) {
        case "user-agent" -> {
          if (current == null || !lastWasAgent) {
            current = new Group(new ArrayList<>(), new ArrayList<>());
            groups.add(current);
          }
          current.agents().add(value.toLowerCase(Locale.ROOT));
          lastWasAgent = true;
        }
        case "allow", "disallow" -> {
          lastWasAgent = false;
          // Rules before any User-agent line belong to no group; an empty Disallow allows all.
          if (current != null && !value.isEmpty() && ruleCount++ < MAX_RULES) {
            current.rules().add(Rule.of(key.equals("allow"), value));
          }
        }
        default -> lastWasAgent = false;
      }
    }
    String token = agent.toLowerCase(Locale.ROOT);
    List<Rule> mine = new ArrayList<>();
    boolean named = false;
    for (Group g : groups) {
      if (g.agents().stream().anyMatch(a -> !a.equals("*") && token.startsWith(a))) {
        mine.addAll(g.rules());
        named = true;
      }
    }
    if (!named) {
      for (Group g : groups) {
        if (g.agents().contains("*")) {
          mine.addAll(g.rules());
        }
      }
    }
    return new RobotsRules(List.copyOf(mine));
  }

  /** Whether the path (with its query, e.g. {@code /a/b?c=d}) may be fetched. */
  boolean allows(String pathAndQuery) {
    String path = pathAndQuery == null || pathAndQuery.isEmpty() ? "/" : pathAndQuery;
    if (path.equals("/robots.txt")) {
      return true;
    }
    Rule best = null;
    for (Rule r : rules) {
      if (r.matches(path)
          && (best == null
              || r.pattern().length() > best.pattern().length()
              || (r.pattern().length() == best.pattern().length() && r.allow()))) {
        best = r;
      }
    }
    return best == null || best.allow();
  }
}
