package io.pantau.query;

import java.util.List;
import java.util.Random;

/**
 * Seeded generator of hostile query text: random characters, soups of operators and fields,
 * mutations of sensible queries and very long inputs. The same seed gives the same inputs, so a
 * failure names an input that can be replayed.
 */
public final class RandomQueries {
  private static final List<String> SOUP =
      List.of(
          "AND",
          "OR",
          "NOT",
          "NEAR/2",
          "NEAR/0",
          "NEAR/",
          "NEAR/1000",
          "NEAR/1001",
          "NEAR/x",
          "NEAR",
          "and",
          "or",
          "not",
          "-",
          "--",
          "(",
          ")",
          "((",
          "))",
          "\"",
          "\u201C",
          "\u201D",
          "\u201E",
          "~",
          "~3",
          "~99999",
          "*",
          "**",
          ":",
          "title:",
          "body:",
          "person:",
          "org:",
          "place:",
          "lang:",
          "story:",
          "keyword:",
          "source:",
          "publisher:",
          "Title:",
          "foo:",
          "http://x.y/z",
          "10:30",
          "jokowi",
          "Jokowi",
          "tōkayev",
          "China-Kazakhstan",
          "kura-kura",
          "anak",
          "bank",
          "harga",
          "the",
          "kerja",
          "jakarta",
          "bandung",
          "prices",
          "oil",
          "pres*",
          "ban*",
          "ab*",
          "jo*",
          "\"bank indonesia\"",
          "\"the the\"~1",
          "\"prices rose\"~2",
          "\"\"",
          "&",
          "—",
          "😀",
          "ΟΔΟΣ",
          "\u0130",
          "e\u0301",
          "\u0301\u0301\u0301*",
          "\uD800",
          "\u0000",
          "\u00A0",
          "\t",
          "\n",
          "'",
          "don't",
          "6.2",
          "2-1",
          "São",
          "Paulo",
          "café",
          "Übermensch",
          "中国",
          "ข่าว");

  /** Words that occur in the {@code Corpus}, so that random trees also match something. */
  private static final List<String> WORDS =
      List.of(
          "jokowi",
          "Jokowi",
          "tōkayev",
          "China-Kazakhstan",
          "kura-kura",
          "anak",
          "bank",
          "harga",
          "the",
          "kerja",
          "jakarta",
          "bandung",
          "prices",
          "oil",
          "pres*",
          "ban*",
          "coal",
          "&");

  private static final String CHARS =
      "abcxyzAZ019 \t\n()\"\u201C\u201D\u201E-*~:/.,;&|!?'\\^[]{}<>=+#@%$_éüøßİı😀中\u0301\u0000\uD800\uDC00\u00A0\u2028";

  private static final List<String> SENSIBLE =
      List.of(
          "jokowi NEAR/3 (zelensky OR kyiv)",
          "title:\"bank indonesia\"~2 -lang:en",
          "(harga OR price*) AND NOT (beras OR rice) person:\"Sri Mulyani\"",
          "keyword:coal OR place:china* story:s-1",
          "\u201Cchina kazakhstan\u201D~1 OR China-Kazakhstan");

  private final Random random;

  public RandomQueries(long seed) {
    this.random = new Random(seed);
  }

  /** The next input; roughly a quarter of each kind. */
  public String next() {
    switch (random.nextInt(4)) {
      case 0:
        return chars(random.nextInt(10) == 0 ? 900 + random.nextInt(300) : random.nextInt(60));
      case 1:
        return soup(random.nextInt(10) == 0 ? 150 + random.nextInt(200) : 1 + random.nextInt(25));
      case 2:
        return mutate(SENSIBLE.get(random.nextInt(SENSIBLE.size())));
      default:
        return structured(0);
    }
  }

  private String chars(int length) {
    StringBuilder out = new StringBuilder();
    while (out.length() < length) {
      if (random.nextInt(8) == 0) {
        out.appendCodePoint(random.nextInt(0x30000));
      } else {
        out.append(CHARS.charAt(random.nextInt(CHARS.length())));
      }
    }
    return out.toString();
  }

  private String soup(int tokens) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < tokens; i++) {
      out.append(SOUP.get(random.nextInt(SOUP.size())));
      int gap = random.nextInt(6);
      out.append(gap == 0 ? "" : gap == 1 ? "\t" : " ");
    }
    return out.toString();
  }

  private String mutate(String base) {
    StringBuilder out = new StringBuilder(base);
    int edits = 1 + random.nextInt(4);
    for (int i = 0; i < edits && out.length() > 0; i++) {
      int at = random.nextInt(out.length());
      switch (random.nextInt(3)) {
        case 0 -> out.deleteCharAt(at);
        case 1 -> out.insert(at, CHARS.charAt(random.nextInt(CHARS.length())));
        default -> out.setCharAt(at, CHARS.charAt(random.nextInt(CHARS.length())));
      }
    }
    return out.toString();
  }

  private String word() {
    return WORDS.get(random.nextInt(WORDS.size()));
  }

  /** A mostly well-formed query, so that the compilers see many deep and odd trees. */
  private String structured(int depth) {
    int kind = random.nextInt(depth > 4 ? 3 : 8);
    String leaf =
        switch (kind) {
          case 0 -> word();
          case 1 ->
              "\""
                  + word()
                  + " "
                  + word()
                  + "\""
                  + (random.nextBoolean() ? "~" + random.nextInt(4) : "");
          case 2 ->
              List.of("person:", "lang:", "keyword:", "title:", "body:").get(random.nextInt(5))
                  + word();
          default -> null;
        };
    if (leaf != null) {
      return leaf;
    }
    return switch (kind) {
      case 3 -> structured(depth + 1) + " OR " + structured(depth + 1);
      case 4 -> structured(depth + 1) + " " + structured(depth + 1);
      case 5 -> "-" + structured(depth + 1);
      case 6 -> structured(depth + 1) + " NEAR/" + random.nextInt(5) + " " + structured(depth + 1);
      default -> "(" + structured(depth + 1) + ")";
    };
  }
}
