package io.pantau.ingest;

import io.pantau.article.RawArticle;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads the sample files under {@code seeds/}: a {@code .txt} file is a scraped text, a {@code
 * .html} file a whole page, either optionally opened by a front-matter block:
 *
 * <pre>
 * ---
 * source: rakyatnews.example
 * url: https://rakyatnews.example/...
 * fetchedAt: 2025-09-16T08:00:00Z
 * ---
 * </pre>
 *
 * <p>Keys: {@code source}, {@code url}, {@code fetchedAt} (ISO-8601 instant), {@code published}
 * (passed on as written), {@code title}, {@code lang}. An unknown key is an error, so that a typo
 * does not silently drop metadata. Pure parsing apart from reading the files it is given.
 */
public final class ArticleFiles {
  private static final Set<String> KEYS =
      Set.of("source", "url", "fetchedAt", "published", "title", "lang");
  private static final String FENCE = "---";

  private ArticleFiles() {}

  /**
   * The seed articles under a folder, {@code .txt} and {@code .html} at any depth, ordered by their
   * path relative to the folder (so the order is the same on every machine).
   */
  public static List<Path> list(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files
          .filter(Files::isRegularFile)
          .filter(ArticleFiles::isSeed)
          .sorted((a, b) -> relative(dir, a).compareTo(relative(dir, b)))
          .collect(Collectors.toList());
    }
  }

  /**
   * Reads one seed file (UTF-8).
   *
   * @throws ArticleFileException naming the file and line when the front matter is malformed
   */
  public static RawArticle read(Path file) throws IOException {
    return parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
  }

  /**
   * Parses a seed file's text; {@code name} decides text or HTML by its extension and names the
   * file in errors.
   *
   * @throws ArticleFileException naming the file and line when the front matter is malformed
   */
  public static RawArticle parse(String name, String text) {
    String content = text.startsWith("\uFEFF") ? text.substring(1) : text;
    String[] lines = content.split("\r?\n", -1);
    String source = null;
    String url = null;
    String published = null;
    String title = null;
    String lang = null;
    Instant fetchedAt = null;
    int bodyStart = 0;
    if (lines.length > 0 && lines[0].strip().equals(FENCE)) {
      int close = 1;
      while (close < lines.length && !lines[close].strip().equals(FENCE)) {
        close++;
      }
      // Checked first: without a closing fence every body line would look like a bad key.
      if (close >= lines.length) {
        throw new ArticleFileException(name, 1, "front matter opened here is never closed by ---");
      }
      int i = 1;
      for (; i < close; i++) {
        String line = lines[i];
        if (line.isBlank() || line.stripLeading().startsWith("#")) {
          continue;
        }
        int colon = line.indexOf(':');
        if (colon <= 0) {
          throw new ArticleFileException(name, i + 1, "expected 'key: value' in front matter");
        }
        String key = line.substring(0, colon).strip();
        String value = line.substring(colon + 1).strip();
        if (!KEYS.contains(key)) {
          throw new ArticleFileException(
              name, i + 1, "unknown front-matter key '" + key + "'; known: " + KEYS);
        }
        if (value.isEmpty()) {
          throw new ArticleFileException(
              name, i + 1, "front-matter key '" + key + "' has no value");
        }
        switch (key) {
          case "source" -> source = value;
          case "url" -> url = value;
          case "published" -> published = value;
          case "title" -> title = value;
          case "lang" -> lang = value;
          default -> fetchedAt = instant(name, i + 1, value);
        }
      }
      bodyStart = close + 1;
    }
    String body = String.join("\n", List.of(lines).subList(bodyStart, lines.length)).strip();
    if (body.isEmpty()) {
      throw new ArticleFileException(name, 0, "no article text after the front matter");
    }
    boolean html = name.toLowerCase(Locale.ROOT).endsWith(".html");
    return new RawArticle(
        url, title, html ? null : body, html ? body : null, source, published, lang, fetchedAt);
  }

  private static boolean isSeed(Path p) {
    String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
    return n.endsWith(".txt") || n.endsWith(".html");
  }

  private static String relative(Path dir, Path file) {
    return dir.relativize(file).toString().replace('\\', '/');
  }

  private static Instant instant(String name, int line, String value) {
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      try {
        return OffsetDateTime.parse(value).toInstant();
      } catch (DateTimeParseException e2) {
        throw new ArticleFileException(
            name, line, "fetchedAt '" + value + "' is not an ISO-8601 instant");
      }
    }
  }
}
