package io.pantau.ingest;

import io.pantau.article.RawArticle;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Reads one raw scraped document (.txt) or saved page (.html) as a raw article. */
@ApplicationScoped
class RawFileReader {

  boolean accepts(Path p) {
    String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
    return n.endsWith(".txt") || n.endsWith(".html") || n.endsWith(".htm");
  }

  RawArticle read(Path p) throws IOException {
    String text = Files.readString(p, StandardCharsets.UTF_8);
    String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
    return n.endsWith(".txt")
        ? RawArticle.ofText(text, null, null, null)
        : RawArticle.ofHtml(text, null, null, null);
  }
}
