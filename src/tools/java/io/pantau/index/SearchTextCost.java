package io.pantau.index;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pantau.text.Fold;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * CPU per article of making the search fields at index time: the layout before stems (folded title
 * and body) against the current one (the same plus one stem per word in the article's language), on
 * the IndoSum bodies, alternating the two five times, JIT warm. Prints thread CPU microseconds per
 * article for each and their ratio.
 *
 * <p>Run: {@code java -cp target/classes:target/test-classes:$(cat cp.txt)
 * io.pantau.index.SearchTextCost ../shared}.
 */
public final class SearchTextCost {
  private SearchTextCost() {}

  record Text(String lang, String title, String body) {}

  public static void main(String[] args) throws IOException {
    Path file =
        Path.of(args.length > 0 ? args[0] : "../shared", "data/indosum-news/articles.jsonl");
    if (!Files.exists(file)) {
      System.out.println("skipped: " + file + " is not here");
      return;
    }
    ObjectMapper json = new ObjectMapper();
    List<Text> texts = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      JsonNode n = json.readTree(line);
      texts.add(new Text("id", n.path("title").asText(""), n.path("body").asText("")));
    }
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    long sink = 0;
    for (int warm = 0; warm < 3; warm++) {
      sink += before(texts) + after(texts);
    }
    double[] b = new double[5];
    double[] a = new double[5];
    for (int round = 0; round < 5; round++) {
      long t0 = cpu.getCurrentThreadCpuTime();
      sink += before(texts);
      long t1 = cpu.getCurrentThreadCpuTime();
      sink += after(texts);
      long t2 = cpu.getCurrentThreadCpuTime();
      b[round] = (t1 - t0) / 1e3 / texts.size();
      a[round] = (t2 - t1) / 1e3 / texts.size();
    }
    java.util.Arrays.sort(b);
    java.util.Arrays.sort(a);
    System.out.printf(
        "%d IndoSum articles: search fields before stems %.1f us, with stems %.1f us CPU per"
            + " article (medians of 5); ratio %.2f (%d)%n",
        texts.size(), b[2], a[2], a[2] / b[2], sink % 10);
  }

  private static long before(List<Text> texts) {
    long n = 0;
    for (Text t : texts) {
      n += Fold.fold(t.title()).length() + Fold.fold(t.body()).length();
    }
    return n;
  }

  private static long after(List<Text> texts) {
    long n = 0;
    for (Text t : texts) {
      ArticleDocument.SearchText s = ArticleDocument.SearchText.of(t.lang(), t.title(), t.body());
      n += s.title().length() + s.body().length() + s.id().body().length();
    }
    return n;
  }
}
