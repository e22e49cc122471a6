package io.pantau.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pantau.demo.ArticleGenerator;
import io.pantau.demo.GeneratorSpec;
import io.pantau.demo.SeedLoader;
import io.pantau.index.ArticleIndex;
import io.pantau.index.ArticleSearch;
import io.pantau.query.QueryParser;
import io.pantau.testsupport.ElasticsearchResource;
import io.pantau.testsupport.UsesDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

@QuarkusTest
@UsesDatabase
@QuarkusTestResource(ElasticsearchResource.class)
class ArticleImporterTest {
  @Inject ArticleImporter importer;
  @Inject ArticleIndex index;
  @Inject SeedLoader seeds;

  @Test
  void theRawSeedFilesImportOnceAndAreDuplicatesTheSecondTime() throws IOException {
    Path raw = Path.of("seeds", "raw");
    int files = ArticleFiles.list(raw).size();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ArticleImporter.Summary first =
        importer.importPath(raw, new PrintStream(out, true, StandardCharsets.UTF_8));
    assertEquals(files, first.files());
    assertEquals(0, first.rejected(), "no seed file is rejected");
    assertEquals(files, first.indexed() + first.duplicates());
    assertTrue(out.toString(StandardCharsets.UTF_8).contains("articles"), "progress printed");
    ArticleImporter.Summary second =
        importer.importPath(
            raw, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    assertEquals(0, second.indexed());
    assertEquals(files, second.duplicates());
  }

  @Test
  void aGeneratedCorpusImportsAndIsSearchableBySource() {
    GeneratorSpec spec = GeneratorSpec.defaults().withCount(60).withSeed(7);
    ArticleImporter.Summary s =
        importer.importArticles(
            new ArticleGenerator().generate(spec),
            spec.count(),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    assertEquals(0, s.rejected());
    assertTrue(s.indexed() + s.duplicates() == 60, s.toString());
    index.refresh();
    long all =
        index.count(
            new ArticleSearch(
                QueryParser.parse(""), null, null, List.of(), List.of(), Optional.empty(), 0, 0));
    assertTrue(all >= 60, "at least the generated articles are stored: " + all);
  }

  @Test
  void seedsAreNotLoadedIntoAnIndexThatHoldsArticles() throws IOException {
    importer.importPath(
        Path.of("seeds", "raw"),
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    index.refresh();
    assertEquals(0, seeds.loadIfEmpty(Path.of("seeds")));
  }

  @Test
  void aMissingPathIsAClearError() {
    IOException e =
        assertThrows(
            IOException.class,
            () ->
                importer.importPath(
                    Path.of("no-such-folder"), new PrintStream(new ByteArrayOutputStream())));
    assertTrue(e.getMessage().contains("no-such-folder"));
    assertTrue(Files.isDirectory(Path.of("seeds")), "tests run from the repository root");
  }
}
