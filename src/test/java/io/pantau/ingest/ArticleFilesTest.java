package io.pantau.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pantau.article.RawArticle;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArticleFilesTest {
  /** Surefire runs in the module directory, where the seeds folder lives. */
  private static final Path SEEDS = Path.of("seeds");

  @Test
  void frontMatterFillsTheMetadataAndTheRestIsTheBody() {
    RawArticle a =
        ArticleFiles.parse(
            "001.txt",
            "---\n"
                + "source: rakyatnews.example\n"
                + "url: https://rakyatnews.example/a/1\n"
                + "fetchedAt: 2025-09-16T08:00:00Z\n"
                + "published: 2025-09-15T14:05:00+07:00\n"
                + "lang: id\n"
                + "---\n"
                + "Judul berita\n\nJakarta (ANTARA) - Isi berita.\n");
    assertEquals("rakyatnews.example", a.source());
    assertEquals("https://rakyatnews.example/a/1", a.url());
    assertEquals(Instant.parse("2025-09-16T08:00:00Z"), a.fetchedAt());
    assertEquals("2025-09-15T14:05:00+07:00", a.published());
    assertEquals("id", a.lang());
    assertEquals("Judul berita\n\nJakarta (ANTARA) - Isi berita.", a.body());
    assertNull(a.html());
  }

  @Test
  void aFileWithoutFrontMatterIsAllBody() {
    RawArticle a = ArticleFiles.parse("plain.txt", "Title\r\n\r\nText with a: colon.\r\n");
    assertEquals("Title\n\nText with a: colon.", a.body());
    assertNull(a.source());
    assertNull(a.url());
    assertNull(a.fetchedAt());
  }

  @Test
  void anHtmlFileBecomesAWholePage() {
    RawArticle a =
        ArticleFiles.parse(
            "page.html", "---\nsource: x.example\n---\n<html><body>Hi</body></html>");
    assertEquals("<html><body>Hi</body></html>", a.html());
    assertNull(a.body());
  }

  @Test
  void aMalformedLineIsReportedWithFileAndLine() {
    ArticleFileException e =
        assertThrows(
            ArticleFileException.class,
            () ->
                ArticleFiles.parse("bad.txt", "---\nsource: x.example\nno colon here\n---\nBody"));
    assertEquals("bad.txt", e.file());
    assertEquals(3, e.line());
    assertTrue(e.getMessage().startsWith("bad.txt:3: "), e.getMessage());
  }

  @Test
  void unknownKeysEmptyValuesAndBadTimesAreReported() {
    ArticleFileException unknown =
        assertThrows(
            ArticleFileException.class,
            () -> ArticleFiles.parse("k.txt", "---\nsorce: x.example\n---\nBody"));
    assertEquals(2, unknown.line());
    assertTrue(unknown.getMessage().contains("sorce"));

    ArticleFileException empty =
        assertThrows(
            ArticleFileException.class, () -> ArticleFiles.parse("e.txt", "---\nurl:\n---\nBody"));
    assertEquals(2, empty.line());

    ArticleFileException time =
        assertThrows(
            ArticleFileException.class,
            () -> ArticleFiles.parse("t.txt", "---\nsource: a\nfetchedAt: yesterday\n---\nBody"));
    assertEquals(3, time.line());
    assertTrue(time.getMessage().contains("yesterday"));
  }

  @Test
  void anUnclosedFrontMatterOrAMissingBodyIsReported() {
    ArticleFileException open =
        assertThrows(
            ArticleFileException.class,
            () -> ArticleFiles.parse("open.txt", "---\nsource: a\nBody text"));
    assertEquals(1, open.line());
    assertThrows(
        ArticleFileException.class,
        () -> ArticleFiles.parse("empty.txt", "---\nsource: a\n---\n\n"));
  }

  @Test
  void listingIsSortedByRelativePathAndKeepsOnlyArticles(@TempDir Path dir) throws IOException {
    Files.createDirectories(dir.resolve("raw/b"));
    write(dir.resolve("raw/b/010.txt"), "B");
    write(dir.resolve("raw/002.html"), "<p>A</p>");
    write(dir.resolve("raw/001.txt"), "A");
    write(dir.resolve("README.md"), "docs");
    write(dir.resolve("demo-corpus.properties"), "count=1");
    List<Path> files = ArticleFiles.list(dir);
    assertEquals(
        List.of("raw/001.txt", "raw/002.html", "raw/b/010.txt"),
        files.stream().map(p -> dir.relativize(p).toString().replace('\\', '/')).toList());
  }

  @Test
  void everyShippedSeedParsesWithItsMetadata() throws IOException {
    List<Path> files = ArticleFiles.list(SEEDS.resolve("raw"));
    assertTrue(files.size() >= 12 && files.size() <= 20, files.size() + " seed files");
    Set<String> sources = new HashSet<>();
    int html = 0;
    for (Path f : files) {
      RawArticle a = ArticleFiles.read(f);
      assertTrue(a.hasContent(), f.toString());
      assertNotNull(a.source(), f + " has no source");
      assertNotNull(a.fetchedAt(), f + " has no fetchedAt");
      sources.add(a.source());
      html += a.html() != null ? 1 : 0;
    }
    assertTrue(html >= 2, html + " html seeds");
    assertTrue(sources.size() >= 6, sources.toString());
  }

  @Test
  void theShippedSyndicatedPairSharesItsStoryButNotItsChromeOrFirstSentence() throws IOException {
    RawArticle original = ArticleFiles.read(seed("001_"));
    RawArticle copy = ArticleFiles.read(seed("002_"));
    assertNotEquals(original.source(), copy.source());
    List<String> a = List.of(original.body().split("\n\n"));
    List<String> b = List.of(copy.body().split("\n\n"));
    String firstOriginal =
        a.stream().filter(p -> p.startsWith("Jakarta (ANTARA)")).findFirst().orElseThrow();
    String firstCopy =
        b.stream().filter(p -> p.startsWith("Jakarta (ANTARA)")).findFirst().orElseThrow();
    assertNotEquals(firstOriginal, firstCopy);
    long shared = a.stream().filter(b::contains).count();
    assertTrue(shared >= 7, shared + " paragraphs shared");
    assertTrue(original.body().contains("Read Entire Article"));
    assertTrue(!copy.body().contains("Read Entire Article"));
  }

  private static Path seed(String prefix) throws IOException {
    return ArticleFiles.list(SEEDS.resolve("raw")).stream()
        .filter(p -> p.getFileName().toString().startsWith(prefix))
        .findFirst()
        .orElseThrow();
  }

  private static void write(Path p, String text) throws IOException {
    Files.writeString(p, text, StandardCharsets.UTF_8);
  }
}
