package io.pantau.clean;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pantau.article.RawArticle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * The project-written fixture corpus: {@code NAME.txt}, {@code NAME.html} or {@code NAME.frag.html}
 * next to {@code NAME.expected.json}, which holds the input's context (fetchedAt, url, contentType,
 * givenTitle, fragment) and the expected fields.
 */
final class Fixtures {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String EXPECTED = ".expected.json";

  private Fixtures() {}

  /** One fixture: its input bytes and its expectations. */
  record Fixture(String name, Path input, byte[] bytes, JsonNode expected) {
    @Override
    public String toString() {
      return name;
    }

    boolean isHtml() {
      return input.getFileName().toString().endsWith(".html");
    }

    boolean isHoldout() {
      return "holdout".equals(expected.path("set").asText());
    }

    boolean isFragment() {
      return expected.path("fragment").asBoolean(false);
    }

    String text() {
      return io.pantau.text.PageDecoder.decode(bytes, expected.path("contentType").asText(null));
    }

    RawArticle raw() {
      Instant fetched = Instant.parse(expected.path("fetchedAt").asText());
      String url = expected.path("url").asText(null);
      String title = expected.path("givenTitle").asText(null);
      if (isFragment()) {
        return new RawArticle(url, title, text(), null, null, null, null, fetched);
      }
      RawArticle raw =
          isHtml()
              ? RawArticle.ofHtml(text(), url, null, fetched)
              : RawArticle.ofText(text(), url, null, fetched);
      return raw;
    }

    /** The expected body paragraphs. */
    List<String> body() {
      List<String> out = new ArrayList<>();
      expected.path("body").forEach(n -> out.add(n.asText()));
      return out;
    }

    /**
     * The input's own paragraphs, as a reader would count them before any cleaning: blank-line
     * blocks of text (or lines, for text with no blank line), and the text of each innermost block
     * element of HTML.
     */
    List<String> inputUnits() {
      List<String> out = new ArrayList<>();
      if (isHtml()) {
        Element body = Jsoup.parse(text()).body();
        String blocks = "p, li, h1, h2, h3, h4, h5, h6, figcaption, td, div, ul, ol";
        for (Element e : body.select("p, li, h1, h2, h3, h4, h5, h6, figcaption, td, div")) {
          boolean leaf = e.select(blocks).size() == 1;
          if (leaf && !e.text().isBlank()) {
            out.add(e.text());
          }
        }
        return out;
      }
      for (Block b : PlainText.blocks(text())) {
        out.addAll(List.of(b.text().split("\n")));
      }
      return out;
    }
  }

  static Path dir() {
    URL url = Fixtures.class.getResource("fixtures");
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static Stream<Fixture> all() {
    try (Stream<Path> files = Files.list(dir())) {
      return files
          .filter(p -> p.getFileName().toString().endsWith(EXPECTED))
          .sorted()
          .map(Fixtures::load)
          .toList()
          .stream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Fixture load(Path expectedFile) {
    String file = expectedFile.getFileName().toString();
    String name = file.substring(0, file.length() - EXPECTED.length());
    try {
      JsonNode expected = JSON.readTree(expectedFile.toFile());
      Path input = null;
      for (String ext : List.of(".txt", ".html", ".frag.html")) {
        Path candidate = expectedFile.resolveSibling(name + ext);
        if (Files.exists(candidate)) {
          input = candidate;
        }
      }
      if (input == null) {
        throw new IllegalStateException("no input for fixture " + name);
      }
      return new Fixture(name, input, Files.readAllBytes(input), expected);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
