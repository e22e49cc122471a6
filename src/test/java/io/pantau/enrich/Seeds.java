package io.pantau.enrich;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.pantau.article.Article;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Test access to the shared seed and data files; skips the calling test when they are absent. */
final class Seeds {
  static final String SEED = "seeds/000_aefdfa188da5bb0c.txt";

  // chrome lines of the seed page: cleaning is another stage's job, so the test drops them here
  private static final Pattern CHROME =
      Pattern.compile(
          "^(\\d+ \\w+ ago.*|Pewarta:.*|Editor:.*|Copyright ©.*|Dilarang keras.*|Read Entire"
              + " Article|.*\\| \\| \\|.*)$");

  private Seeds() {}

  /** Whether a shared file is there, for set-up that must not abort the whole class. */
  static boolean present(String relative) {
    String dir = System.getProperty("shared.dir");
    return dir != null && Files.exists(Path.of(dir).resolve(relative));
  }

  /** The shared folder, or a skipped test when it is not there. */
  static Path shared(String relative) {
    String dir = System.getProperty("shared.dir");
    assumeTrue(dir != null, "shared.dir is not set");
    Path p = Path.of(dir).resolve(relative);
    assumeTrue(Files.exists(p), "shared data absent: " + p);
    return p;
  }

  static String seedText() throws IOException {
    return Files.readString(shared(SEED), StandardCharsets.UTF_8);
  }

  /** The seed as a cleaned article: first line the title, the other paragraphs the body. */
  static Article seedArticle() throws IOException {
    return article(seedText());
  }

  static Article article(String raw) {
    String[] blocks = raw.strip().split("\\n\\s*\\n");
    List<String> paragraphs = new ArrayList<>();
    for (int i = 1; i < blocks.length; i++) {
      String b = blocks[i].strip();
      if (!b.isEmpty() && !CHROME.matcher(b.lines().findFirst().orElse("")).matches()) {
        paragraphs.add(b);
      }
    }
    return Article.builder().title(blocks[0].strip()).body(String.join("\n\n", paragraphs)).build();
  }
}
