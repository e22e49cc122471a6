package io.pantau.ingest.seed;

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

class SeedFilesTest {
  /** Surefire runs in the module directory, where the seeds folder lives. */
  private static final Path SEEDS = Path.of("seeds");

  @Test
  void frontMatterFillsTheMetadataAndTheRestIsTheBody() {
    RawArticle a =
        SeedFiles.parse(
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
    RawArticle a = SeedFiles.parse("plain.txt", "Title\r\n\r\nText with a: colon.\r\n");
    assertEquals("Title\n\nText with a: colon.", a.body());
    assertNull(a.source());
    assertNull(a.url());
    assertNull(a.fetchedAt());
  }

  @Test
  void anHtmlFileBecomesAWholePage() {
    RawArticle a =
        SeedFiles.parse("page.html", "---\nsource: x.example\n---\n<html><body>Hi</body></html>");
    assertEquals("<html><body>Hi</body></html>", a.html());
    assertNull(a.body());
  }

  @Test
  void aMalformedLineIsReportedWithFileAndLine() {
    SeedFormatException e =
        assertThrows(
            SeedFormatException.class,
            () -> SeedFiles.parse("bad.txt", "---\nsource: x.example\nno colon here\n---\nBody"));
    assertEquals("bad.txt", e.file());
    assertEquals(3, e.line());
    assertTrue(e.getMessage().startsWith("bad.txt:3: "), e.getMessage());
  }

  @Test
  void unknownKeysEmptyValuesAndBadTimesAreReported() {
    SeedFormatException unknown =
        assertThrows(
            SeedFormatException.class,
            () -> SeedFiles.parse("k.txt", "---\nsorce: x.example\n---\nBody"));
    assertEquals(2, unknown.line());
    assertTrue(unknown.getMessage().contains("sorce"));

    SeedFormatException empty =
        assertThrows(
            SeedFormatException.class, () -> SeedFiles.parse("e.txt", "---\nurl:\n---\nBody"));
    assertEquals(2, empty.line());

    SeedFormatException time =
        assertThrows(
            SeedFormatException.class,
            () -> SeedFiles.parse("t.txt", "---\nsource: a\nfetchedAt: yesterday\n---\nBody"));
    assertEquals(3, time.line());
    assertTrue(time.getMessage().contains("yesterday"));
  }

  @Test
  void anUnclosedFrontMatterOrAMissingBodyIsReported() {
    SeedFormatException open =
        assertThrows(
            SeedFormatException.class,
            () -> SeedFiles.parse("open.txt", "---\nsource: a\nBody text"));
    assertEquals(1, open.line());
    assertThrows(
        SeedFormatException.class, () -> SeedFiles.parse("empty.txt", "---\nsource: a\n---\n\n"));
  }

  @Test
  void listingIsSortedByRelativePathAndKeepsOnlyArticles(@TempDir Path dir) throws IOException {
    Files.createDirectories(dir.resolve("raw/b"));
    write(dir.resolve("raw/b/010.txt"), "B");
    write(dir.resolve("raw/002.html"), "<p>A</p>");
    write(dir.resolve("raw/001.txt"), "A");
    write(dir.resolve("README.md"), "docs");
    write(dir.resolve("demo-corpus.properties"), "count=1");
    List<Path> files = SeedFiles.list(dir);
    assertEquals(
        List.of("raw/001.txt", "raw/002.html", "raw/b/010.txt"),
        files.stream().map(p -> dir.relativize(p).toString().replace('\\', '/')).toList());
  }

  @Test
  void everyShippedSeedParsesWithItsMetadata() throws IOException {
    List<Path> files = SeedFiles.list(SEEDS.resolve("raw"));
    assertTrue(files.size() >= 12 && files.size() <= 20, files.size() + " seed files");
    Set<String> sources = new HashSet<>();
    int html = 0;
    for (Path f : files) {
      RawArticle a = SeedFiles.read(f);
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
    RawArticle original = SeedFiles.read(seed("001_"));
    RawArticle copy = SeedFiles.read(seed("002_"));
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

  @Test
  void theDemoCorpusSpecIsBigEnoughForDashboards() throws IOException {
    GeneratorSpec spec = SeedFiles.readSpec(SEEDS);
    assertTrue(spec.count() >= 1200, "count " + spec.count());
    assertTrue(!spec.start().plusMonths(4).isAfter(spec.end()), "at least four months");
    assertTrue(spec.sources().size() >= 8);
    ArticleGenerator generator = new ArticleGenerator();
    assertTrue(generator.bursts(spec).size() >= 3, "named bursts " + generator.bursts(spec));
    assertEquals(50, generator.generate(spec.withCount(50)).count());
  }

  @Test
  void aBrokenCorpusFileNamesTheFile(@TempDir Path dir) throws IOException {
    write(dir.resolve(SeedFiles.CORPUS_FILE), "count=lots\n");
    SeedFormatException e = assertThrows(SeedFormatException.class, () -> SeedFiles.readSpec(dir));
    assertTrue(e.getMessage().contains(SeedFiles.CORPUS_FILE), e.getMessage());
    assertTrue(e.getMessage().contains("count"), e.getMessage());
  }

  private static Path seed(String prefix) throws IOException {
    return SeedFiles.list(SEEDS.resolve("raw")).stream()
        .filter(p -> p.getFileName().toString().startsWith(prefix))
        .findFirst()
        .orElseThrow();
  }

  private static void write(Path p, String text) throws IOException {
    Files.writeString(p, text, StandardCharsets.UTF_8);
  }
}
