package io.pantau.enrich;

import io.pantau.article.Article;
import io.pantau.testsupport.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** The shared seed as test input; skips the calling test when it is absent ({@link SharedData}). */
final class Seeds {
  static final String SEED = "seeds/000_aefdfa188da5bb0c.txt";

  // chrome lines of the seed page: cleaning is another stage's job, so the test drops them here
  private static final Pattern CHROME =
      Pattern.compile(
          "^(\\d+ \\w+ ago.*|Pewarta:.*|Editor:.*|Copyright ©.*|Dilarang keras.*|Read Entire"
              + " Article|.*\\| \\| \\|.*)$");

  private Seeds() {}

  static String seedText() throws IOException {
    return Files.readString(SharedData.require(SEED), StandardCharsets.UTF_8);
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
