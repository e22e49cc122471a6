package io.pantau.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's {@code externalLink} (ui/dom.js), which draws an article's URL and canonical URL
 * on its detail page, run in Node: only http and https addresses become links; a {@code
 * javascript:} or {@code data:} address that a page managed to get stored shows as text.
 *
 * <p>Node rather than the browser of {@link DashboardBrowserTest}: the rule is one function, and
 * Node parses URLs with the same WHATWG parser as the browser. Skipped, like the browser test
 * without Chromium, where Node is not on the PATH.
 */
class ExternalLinkTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path UI = Path.of("src/main/resources/META-INF/resources/ui");

  private static Path work;

  @BeforeAll
  static void copyTheDashboardScripts() throws IOException {
    boolean node =
        Arrays.stream(System.getenv("PATH").split(":"))
            .anyMatch(dir -> Files.isExecutable(Path.of(dir, "node")));
    Assumptions.assumeTrue(node, "node is not on the PATH");
    // A folder of its own with "type": "module", so that any Node version reads the dashboard's
    // .js files as the ES modules they are.
    work = Files.createTempDirectory("pantau-ui-");
    try (Stream<Path> files = Files.list(UI)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".js")).toList()) {
        Files.copy(f, work.resolve(f.getFileName()));
      }
    }
    Files.writeString(work.resolve("package.json"), "{\"type\": \"module\"}");
    try (InputStream script = ExternalLinkTest.class.getResourceAsStream("external-links.mjs")) {
      Files.copy(script, work.resolve("external-links.mjs"));
    }
  }

  @AfterAll
  static void removeTheCopy() throws IOException {
    if (work != null) {
      try (Stream<Path> files = Files.walk(work)) {
        for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }

  /** What externalLink made of each address, by address. */
  private static Map<String, JsonNode> render(List<String> urls)
      throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder(
                "node",
                work.resolve("external-links.mjs").toString(),
                work.toString(),
                JSON.writeValueAsString(urls))
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "node ends");
    assertEquals(0, p.exitValue(), "node's exit status; it printed: " + out);
    Map<String, JsonNode> byUrl = new HashMap<>();
    JSON.readTree(out).forEach(n -> byUrl.put(n.get("url").asText(), n));
    assertEquals(urls.size(), byUrl.size(), out);
    return byUrl;
  }

  @Test
  void onlyHttpAndHttpsAddressesBecomeLinksAndTheRestShowAsText() throws Exception {
    List<String> unsafe =
        List.of(
            "javascript:alert(document.cookie)",
            "  JaVaScRiPt:alert(1)",
            "java\tscript:alert(1)",
            "\u0001javascript:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "vbscript:msgbox(1)",
            "file:///etc/passwd",
            "ftp://kompas.example/berita",
            "//evil.example/berita",
            "/berita/relatif",
            "kompas.com/berita");
    List<String> web =
        List.of(
            "https://www.kompas.com/read/2025/06/16/banjir",
            "http://news.detik.example/berita/d-1",
            "HTTPS://Kompas.COM/Read?id=1");
    List<String> all = new ArrayList<>(unsafe);
    all.addAll(web);
    Map<String, JsonNode> shown = render(all);

    List<String> problems = new ArrayList<>();
    for (String url : unsafe) {
      JsonNode el = shown.get(url);
      if (!el.get("tag").asText().equals("span") || !el.get("href").isNull()) {
        problems.add(url + " became " + el);
      }
      assertEquals(url, el.get("text").asText(), "the address is still shown, as text");
    }
    assertEquals(List.of(), problems, "addresses that must not be links");

    for (String url : web) {
      JsonNode el = shown.get(url);
      assertEquals("a", el.get("tag").asText(), url);
      assertEquals("noopener noreferrer", el.get("rel").asText(), url);
      assertEquals("_blank", el.get("target").asText(), url);
      assertEquals(url, el.get("text").asText(), url);
    }
    assertEquals(
        "https://www.kompas.com/read/2025/06/16/banjir",
        shown.get("https://www.kompas.com/read/2025/06/16/banjir").get("href").asText());
    // The href is the address as the browser reads it, so what was checked is what opens.
    assertEquals(
        "https://kompas.com/Read?id=1",
        shown.get("HTTPS://Kompas.COM/Read?id=1").get("href").asText());
  }
}
