package io.pantau;

import io.pantau.ingest.ArticleImporter;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import jakarta.inject.Inject;
import java.io.PrintStream;
import java.nio.file.Path;

/** Runs the server, or a one-off command given on the command line. */
public class PantauCommand implements QuarkusApplication {
  @Inject ArticleImporter importer;

  @Override
  public int run(String... args) throws Exception {
    if (args.length == 0) {
      Quarkus.waitForExit();
      return 0;
    }
    PrintStream out = System.out;
    if (args[0].equals("import") && args.length == 2) {
      ArticleImporter.Summary s = importer.importPath(Path.of(args[1]), out);
      out.println(s);
      return s.rejected() > 0 ? 2 : 0;
    }
    System.err.println("Usage: pantau [import PATH]");
    System.err.println("  (no arguments)  serve the API and UI");
    System.err.println(
        "  import PATH     load a file or folder (.txt, .html, .json, .jsonl, .ndjson)");
    return 64;
  }
}
