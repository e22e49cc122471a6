package io.pantau.web;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A seeded generator of hostile inputs: broken and deeply nested JSON, wrongly typed and oversized
 * fields, invalid dates, numbers and enum values, bad byte sequences and charsets, broken query
 * strings and path segments. The same seed gives the same inputs, so a failure can be replayed.
 */
final class MalformedInputs {
  /** What a field or parameter holds when it is valid; the generator mostly breaks it. */
  enum Kind {
    TEXT,
    URL,
    INSTANT,
    DAY,
    INT,
    NUMBER,
    BOOL,
    /** A flag that costs the server when set (refresh): mostly invalid, rarely true. */
    FLAG,
    DURATION,
    QUERY,
    ENUM,
    CHANNELS,
    LIST
  }

  private static final String[] WORDS = {
    "banjir",
    "Jakarta",
    "Kazakhstan",
    "China",
    "harga",
    "beras",
    "pemilu",
    "the",
    "AND",
    "OR",
    "NOT",
    "NEAR/3",
    "\"",
    "(",
    ")",
    "*",
    "?",
    "~",
    ":",
    "title:",
    "source:",
    "lang:",
    "\\",
    "/",
    "[",
    "]",
    "{",
    "}",
    "^",
    "!",
    "&&",
    "||",
    "-",
    "+"
  };

  private static final String[] ODD_TEXT = {
    "",
    " ",
    "\t\n\r",
    "\u0000",
    "\ud83d\ude00\ud83c\udde9\ud83c\uddea",
    "\u202e\u0645\u0631\u062d\u0628\u0627",
    "e\u0301\u0301\u0301\u0301\u0301\u0301",
    "<script>alert(1)</script>",
    "'; DROP TABLE api_key; --",
    "../../../../etc/passwd",
    "${jndi:ldap://127.0.0.1:1/a}",
    "%s%n%x%p",
    "null",
    "NaN",
    "-0",
    "\ufeffBOM",
    "\uffff\ufffe",
    "a\u2028b\u2029c"
  };

  private static final String[] BAD_DATES = {
    "2025-13-45",
    "2025-02-30",
    "2025-06-16T25:61:61Z",
    "+999999999-12-31T23:59:59Z",
    "-999999999-01-01T00:00:00Z",
    "0000-00-00",
    "yesterday",
    "1718524800",
    "2025-06-16T00:00:00",
    "2025-06-16T00:00:00+25:00",
    "2025-06-16 00:00:00",
    "16/06/2025",
    "2025-W25",
    "P1D",
    "9999999999999999999-01-01",
    // Valid ISO-8601 that no partition can hold, or one partition per distinct year
    "+1000000000-01-01T00:00:00Z",
    "+10000-01-01T00:00:00Z",
    "9999-12-31T23:59:59Z",
    "0001-01-01T00:00:00Z",
    "1850-07-01",
    "1989-12-31T23:59:59Z",
    "2999-01-01"
  };

  private static final String[] GOOD_DATES = {
    "2025-06-16", "2025-06-16T08:00:00Z", "2025-06-17", "2025-06-16T08:00:00.123456789Z"
  };

  private static final String[] DURATIONS = {
    "PT1H",
    "30m",
    "1d",
    "0s",
    "-5m",
    "PT-1H",
    "P99999999999D",
    "999999999d",
    "1w",
    "1.5h",
    "m",
    "PT",
    "P1Y",
    "99999999999999999999s"
  };

  private static final String[] NUMBERS = {
    "0",
    "-1",
    "1",
    "2147483647",
    "2147483648",
    "-2147483649",
    "9223372036854775807",
    "9223372036854775808",
    "-9223372036854775809",
    "1e308",
    "1e400",
    "-1e400",
    "0.000000001",
    "1.5",
    "-0",
    "4.9e-324",
    "123456789012345678901234567890"
  };

  private static final String[] URLS = {
    "http://127.0.0.1:1/feed.xml",
    "http://[::1]:1/",
    "http://localhost:1/rss",
    "https://127.0.0.1:1/atom",
    "ftp://127.0.0.1/feed",
    "file:///etc/passwd",
    "javascript:alert(1)",
    "data:text/html,<b>x</b>",
    "http://",
    "http:///path",
    "http://:80/",
    "http://user:pw@127.0.0.1:1/",
    "http://127.0.0.1:99999/",
    "http://exa mple.invalid/",
    "//127.0.0.1:1/x",
    "http://[::1/",
    "http://127.0.0.1:1/a?b=%zz",
    "not a url",
    "gopher://127.0.0.1:1/_x"
  };

  private final Random random;

  MalformedInputs(long seed) {
    this.random = new Random(seed);
  }

  int nextInt(int bound) {
    return random.nextInt(bound);
  }

  boolean chance(int inN) {
    return random.nextInt(inN) == 0;
  }

  <T> T pick(T[] values) {
    return values[random.nextInt(values.length)];
  }

  <T> T pick(List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

  /** A string: plain words, odd characters, a huge run, or a value of another kind. */
  String text() {
    return switch (random.nextInt(10)) {
      case 0 -> pick(ODD_TEXT);
      case 1 -> "x".repeat(1 + random.nextInt(5)) + "y".repeat(randomSize());
      case 2 -> randomUnicode(1 + random.nextInt(200));
      case 3 -> pick(BAD_DATES);
      case 4 -> pick(NUMBERS);
      case 5 -> pick(URLS);
      default -> words(1 + random.nextInt(30));
    };
  }

  /**
   * A size, usually small, now and then large (tens of kilobytes), rarely huge (up to about 3 MB):
   * rare enough that thousands of inputs per endpoint stay cheap, common enough that every endpoint
   * meets a few.
   */
  int randomSize() {
    int r = random.nextInt(400);
    if (r == 0) {
      return 1_000_000 + random.nextInt(2_000_000);
    }
    return r < 20 ? 10_000 + random.nextInt(100_000) : random.nextInt(500);
  }

  String words(int n) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        b.append(' ');
      }
      b.append(pick(WORDS));
    }
    return b.toString();
  }

  private String randomUnicode(int n) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < n; i++) {
      int cp =
          switch (random.nextInt(4)) {
            case 0 -> random.nextInt(0x80);
            case 1 -> 0x80 + random.nextInt(0x780);
            case 2 -> 0x800 + random.nextInt(0xD000);
            default -> 0x10000 + random.nextInt(0x10000);
          };
      if (Character.isSurrogate((char) cp)) {
        cp = 'x';
      }
      b.appendCodePoint(cp);
    }
    return b.toString();
  }

  /** A plausible, mostly wrong value of a kind, as it would be written in a query string. */
  String value(Kind kind, String[] enumValues) {
    if (chance(6)) {
      return text();
    }
    return switch (kind) {
      case INSTANT -> chance(3) ? pick(GOOD_DATES) : pick(BAD_DATES);
      case DAY -> chance(3) ? pick(new String[] {"2025-06-16", "2025-06-17"}) : pick(BAD_DATES);
      case INT, NUMBER -> chance(4) ? Integer.toString(random.nextInt(300) - 50) : pick(NUMBERS);
      case BOOL -> pick(new String[] {"true", "false", "TRUE", "yes", "1", "wait_for", ""});
      case FLAG ->
          chance(20)
              ? pick(new String[] {"true", "wait_for", ""})
              : pick(new String[] {"false", "TRUE", "yes", "1", "wait_for_it", "0", "\u0000"});
      case DURATION -> pick(DURATIONS);
      case QUERY -> words(1 + random.nextInt(12));
      case ENUM ->
          chance(2)
              ? pick(enumValues)
              : pick(new String[] {"unknown", "HOUR", " day ", "*", "stories,articles", "0"});
      case URL -> pick(URLS);
      default -> text();
    };
  }

  /** A JSON value of a kind, usually of the wrong type or out of range, as JSON text. */
  String jsonValue(Kind kind, String[] enumValues) {
    return switch (random.nextInt(8)) {
      case 0 -> pick(NUMBERS);
      case 1 -> pick(new String[] {"true", "false", "null", "[]", "{}", "[1,\"a\",null]"});
      case 2 -> "{\"nested\":" + quote(text()) + "}";
      case 3 -> quote(text());
      default ->
          switch (kind) {
            case INT, NUMBER -> pick(NUMBERS);
            case BOOL -> pick(new String[] {"true", "false", "\"true\"", "1"});
            case CHANNELS -> channels();
            case LIST -> "[" + quote(text()) + "," + pick(NUMBERS) + "]";
            default -> quote(value(kind, enumValues));
          };
    };
  }

  private String channels() {
    List<String> parts = new ArrayList<>();
    int n = chance(10) ? 200 + random.nextInt(2000) : random.nextInt(4);
    for (int i = 0; i < n; i++) {
      parts.add(
          switch (random.nextInt(5)) {
            case 0 -> "{\"type\":\"webhook\",\"url\":" + quote(pick(URLS)) + "}";
            case 1 -> "{\"type\":\"email\",\"to\":" + quote(text()) + "}";
            case 2 -> "{\"type\":" + quote(text()) + "}";
            case 3 -> pick(NUMBERS);
            default -> "{\"type\":\"webhook\"}";
          });
    }
    return "[" + String.join(",", parts) + "]";
  }

  /**
   * A broken variant of a JSON object whose fields have the given kinds: wrong types, huge or odd
   * values, syntax errors, deep nesting, bad bytes, or another top-level type.
   */
  byte[] jsonBody(Map<String, Kind> fields, Map<String, String[]> enums) {
    Map<String, String> obj = new LinkedHashMap<>();
    for (Map.Entry<String, Kind> f : fields.entrySet()) {
      if (!chance(3)) {
        obj.put(f.getKey(), jsonValue(f.getValue(), enums.getOrDefault(f.getKey(), new String[0])));
      }
    }
    if (chance(8)) {
      obj.put(randomKey(), jsonValue(Kind.TEXT, new String[0]));
    }
    String json = object(obj);
    return switch (random.nextInt(14)) {
      case 0 -> truncate(json).getBytes(StandardCharsets.UTF_8);
      case 1 -> corrupt(json).getBytes(StandardCharsets.UTF_8);
      case 2 -> deepNesting().getBytes(StandardCharsets.UTF_8);
      case 3 -> withBadBytes(json);
      case 4 ->
          pick(new String[] {
                "",
                " ",
                "null",
                "0",
                "\"text\"",
                "[]",
                "[null]",
                "[[]]",
                "true",
                "{}",
                "{\"a\":1}{\"b\":2}",
                "\ufeff{}",
                "{'single':'quotes'}",
                "{\"a\":NaN}",
                "{\"a\":1,}",
                "/* c */ {}",
                "{\"a\":\"\\ud800\"}",
                "{\"a\":\"\\u00\"}"
              })
              .getBytes(StandardCharsets.UTF_8);
      case 5 -> ("[" + json + "," + json + "]").getBytes(StandardCharsets.UTF_8);
      case 6 ->
          (json.substring(0, json.length() - 1) + "," + json.substring(1))
              .getBytes(StandardCharsets.UTF_8);
      case 7 -> json.getBytes(StandardCharsets.UTF_16);
      default -> json.getBytes(StandardCharsets.UTF_8);
    };
  }

  private String randomKey() {
    return pick(new String[] {"", "x".repeat(5000), "\u0000", "__proto__", "body ", "BODY"});
  }

  static String object(Map<String, String> fields) {
    StringBuilder b = new StringBuilder("{");
    fields.forEach(
        (k, v) -> {
          if (b.length() > 1) {
            b.append(',');
          }
          b.append(quote(k)).append(':').append(v);
        });
    return b.append('}').toString();
  }

  private String truncate(String json) {
    return json.substring(0, random.nextInt(Math.max(1, json.length())));
  }

  private String corrupt(String json) {
    StringBuilder b = new StringBuilder(json);
    for (int i = 0, n = 1 + random.nextInt(4); i < n && b.length() > 0; i++) {
      int at = random.nextInt(b.length());
      b.setCharAt(
          at, pick(new Character[] {'{', '}', '[', ']', '"', ',', ':', '\\', 'x', '\u0000'}));
    }
    return b.toString();
  }

  private String deepNesting() {
    int depth =
        chance(50)
            ? 20_000 + random.nextInt(100_000)
            : chance(2) ? 500 + random.nextInt(1000) : 2_000 + random.nextInt(8_000);
    String open = chance(2) ? "[" : "{\"a\":";
    String close = open.equals("[") ? "]" : "}";
    String inner = open.repeat(depth) + "1" + close.repeat(depth);
    return chance(2) ? "{\"body\":" + inner + "}" : inner;
  }

  private byte[] withBadBytes(String json) {
    byte[] utf8 = json.getBytes(StandardCharsets.UTF_8);
    int quoteAt = json.indexOf(":\"");
    int at = quoteAt < 0 ? random.nextInt(Math.max(1, utf8.length)) : quoteAt + 2;
    at = Math.min(at, utf8.length);
    byte[][] bad = {
      {(byte) 0xC3, (byte) 0x28},
      {(byte) 0xFF, (byte) 0xFE},
      {(byte) 0xE2, (byte) 0x82},
      {(byte) 0xC0, (byte) 0xAF},
      {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
      {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
      {0x00, 0x01, 0x1B}
    };
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(utf8, 0, at);
    out.writeBytes(pick(bad));
    out.write(utf8, at, utf8.length - at);
    return out.toByteArray();
  }

  /** A raw document body: text or HTML, with bad bytes, bombs, binary junk or huge sizes. */
  byte[] document(boolean html) {
    return switch (random.nextInt(9)) {
      case 0 -> new byte[0];
      case 1 -> {
        byte[] junk = new byte[random.nextInt(20_000)];
        random.nextBytes(junk);
        yield junk;
      }
      case 2 -> withBadBytes(words(50) + ":\"" + words(50));
      case 3 ->
          ("<html><body>"
                  + "<div>".repeat(chance(30) ? 20_000 + random.nextInt(80_000) : 1000)
                  + "deep")
              .getBytes(StandardCharsets.UTF_8);
      case 4 ->
          ("<html><body><p>"
                  + "&amp;&#x1F600;&#99999999;&#0;&bogus;"
                      .repeat(1 + random.nextInt(chance(30) ? 20_000 : 200)))
              .getBytes(StandardCharsets.UTF_8);
      case 5 -> (words(20) + "\n\n" + "z".repeat(randomSize())).getBytes(StandardCharsets.UTF_8);
      case 6 ->
          ((html ? "<meta charset=\"klingon\"><p>" : "") + text()).getBytes(StandardCharsets.UTF_8);
      default ->
          ((html ? "<html><head><title>" + text() + "</title></head><body><p>" : "")
                  + words(40 + random.nextInt(200)))
              .getBytes(StandardCharsets.UTF_8);
    };
  }

  /** A content type for a raw document, sometimes with a missing, bogus or wrong charset. */
  String documentType(String base) {
    return switch (random.nextInt(8)) {
      case 0 -> base + "; charset=klingon";
      case 1 -> base + "; charset=utf-16";
      case 2 -> base + "; charset=\"";
      case 3 -> base + "; charset=ISO-8859-1";
      case 4 -> base + ";;;=";
      default -> base;
    };
  }

  /** NDJSON: broken lines among good ones, blank lines, CRLF, a giant line, binary junk. */
  byte[] ndjson(Map<String, Kind> fields, Map<String, String[]> enums) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int lines = chance(200) ? 500 + random.nextInt(1500) : 1 + random.nextInt(20);
    for (int i = 0; i < lines; i++) {
      switch (random.nextInt(10)) {
        case 0 -> out.writeBytes(new byte[0]);
        case 1 -> {
          byte[] junk = new byte[random.nextInt(200)];
          random.nextBytes(junk);
          out.writeBytes(junk);
        }
        case 2 -> out.writeBytes(deepNesting().getBytes(StandardCharsets.UTF_8));
        default -> out.writeBytes(jsonBody(fields, enums));
      }
      out.writeBytes(chance(5) ? "\r\n".getBytes(StandardCharsets.US_ASCII) : new byte[] {'\n'});
    }
    if (chance(300)) {
      out.writeBytes(
          ("{\"body\":\"" + "w ".repeat(3_000_000) + "\"}\n").getBytes(StandardCharsets.UTF_8));
    }
    return out.toByteArray();
  }

  /** A query string (with the leading '?', or empty) of mostly wrong values for the parameters. */
  String query(Map<String, Kind> params, Map<String, String[]> enums) {
    List<String> parts = new ArrayList<>();
    for (Map.Entry<String, Kind> p : params.entrySet()) {
      if (chance(2)) {
        continue;
      }
      int repeat = chance(15) ? 2 + random.nextInt(300) : 1;
      for (int i = 0; i < repeat; i++) {
        parts.add(
            p.getKey()
                + "="
                + encoded(value(p.getValue(), enums.getOrDefault(p.getKey(), new String[0]))));
      }
    }
    if (chance(6)) {
      parts.add(
          pick(
              new String[] {
                "%",
                "%zz",
                "q=%C3%28",
                "q=%00",
                "=",
                "&&&",
                "size=%FF%FE",
                "from=%E2%82",
                "a=b=c",
                "q=" + "%41".repeat(3000),
                "tz=%2e%2e%2f",
                "lang[]=x",
                "%0d%0aX-Injected:1"
              }));
    }
    if (chance(100)) {
      parts.add("q=" + "a".repeat(5_000 + random.nextInt(30_000)));
    } else if (chance(400)) {
      parts.add("q=" + "b".repeat(70_000 + random.nextInt(100_000)));
    }
    return parts.isEmpty() ? "" : "?" + String.join("&", parts);
  }

  /** A percent-encoded value, or now and then a raw one with bytes a URL may not hold. */
  String encoded(String value) {
    if (chance(12)) {
      return new String(value.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1)
          .replace(" ", "+")
          .replace("\r", "")
          .replace("\n", "")
          .replace("#", "%23")
          .replace("&", "%26");
    }
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  /** A path segment that is not a valid id (never a small number that could name a real row). */
  String idSegment() {
    String id = anyIdSegment();
    try {
      long n = Long.parseLong(id.trim());
      return n >= 1 && n < 1_000_000_000_000L ? "x" + id : id;
    } catch (NumberFormatException e) {
      return id;
    }
  }

  private String anyIdSegment() {
    return switch (random.nextInt(15)) {
      case 0 -> "abc";
      case 1 -> "-1";
      case 2 -> "0";
      case 3 -> "99999999999999999999";
      case 4 -> Long.toString(1_000_000_000_000L + random.nextInt(1_000_000));
      case 5 -> "1e3";
      case 6 -> "%2e%2e";
      case 7 -> "%00";
      case 8 -> "%zz";
      case 9 -> "x".repeat(60 + random.nextInt(5000));
      case 10 -> encoded(text());
      case 11 -> "1;x=y";
      case 12 -> "1.0";
      case 13 -> "%20" + (1_000_000_000_000L + random.nextInt(1000));
      default -> "0x10";
    };
  }

  static String quote(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        default -> {
          if (c < 0x20) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }
}
