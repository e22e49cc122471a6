package io.pantau.clean;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pantau.article.Article;
import io.pantau.article.RawArticle;
import io.pantau.testsupport.SharedData;
import io.pantau.text.PageDecoder;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.GZIPInputStream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Measures the HTML extractor on {@code shared/data/extraction-dev} (real pages with strings their
 * main text must and must not hold) and on Pantau's own cleaning fixtures, and runs trafilatura on
 * the same pages in the same run where a Python environment with it can be had ({@link
 * Trafilatura}).
 *
 * <p>Scoring as the data's README defines it: per page each {@code with} string found in the
 * extracted text (whitespace normalised on both sides) is a true positive, each one missing a false
 * negative; each {@code without} string found is a false positive, each one absent a true negative.
 * Precision, recall, F1 and accuracy are over all the strings of a set. The extracted text is the
 * article body ({@link Article#body()}): title, captions and credits are fields of their own.
 *
 * <p>The split is fixed: a page is in the <b>tune</b> set when the CRC-32 of its file name ({@code
 * <id>.html.gz}) modulo 10 is below 6, else in the <b>check</b> set. Tuning looks only at tune-set
 * failures ({@code show N} prints them); the check set is for reporting.
 *
 * <p>Failures are also counted by class, read from where the expected string sits in the page (see
 * {@link #missClass} and {@link #keptClass}): a diagnostic of the page, never used by Pantau.
 *
 * <p>CPU time is thread CPU of {@link ArticleCleaner#clean} (parse, extraction and story parsing)
 * per page, after warm-up passes, so figures of two builds compare in one session.
 *
 * <p>Usage: {@code ExtractionHarness [dataDir] [show N] [dump FILE]}; {@code dataDir} defaults to
 * {@code ../shared/data/extraction-dev}. See docs/extraction.md for the Maven command.
 */
public final class ExtractionHarness {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant FETCHED = Instant.parse("2025-01-01T00:00:00Z");
  private static final int WARM_UP_PASSES = 3;

  /** One page of the data with its expectations. */
  record Case(
      String id, String url, String file, String html, List<String> with, List<String> without) {
    boolean tune() {
      return isTune(Path.of(file).getFileName().toString());
    }
  }

  /** Counts of one page or one set. */
  static final class Tally {
    int pages;
    int tp;
    int fn;
    int fp;
    int tn;

    void add(Tally o) {
      pages += o.pages;
      tp += o.tp;
      fn += o.fn;
      fp += o.fp;
      tn += o.tn;
    }

    double precision() {
      return tp + fp == 0 ? 0 : (double) tp / (tp + fp);
    }

    double recall() {
      return tp + fn == 0 ? 0 : (double) tp / (tp + fn);
    }

    double f1() {
      double p = precision();
      double r = recall();
      return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    double accuracy() {
      int all = tp + fn + fp + tn;
      return all == 0 ? 0 : (double) (tp + tn) / all;
    }

    String line() {
      return String.format(
          Locale.ROOT,
          "pages %4d  P %.3f  R %.3f  F1 %.3f  acc %.3f  (tp %d fn %d fp %d tn %d)",
          pages,
          precision(),
          recall(),
          f1(),
          accuracy(),
          tp,
          fn,
          fp,
          tn);
    }
  }

  private ExtractionHarness() {}

  /** The fixed split: tune when CRC-32 of the file name mod 10 is below 6. */
  static boolean isTune(String fileName) {
    CRC32 crc = new CRC32();
    crc.update(fileName.getBytes(StandardCharsets.UTF_8));
    return crc.getValue() % 10 < 6;
  }

  /** Whitespace runs to one space, trimmed: both sides of a match are normalised alike. */
  static String norm(String s) {
    return s == null ? "" : s.replaceAll("[\\s\\u00a0\\u200b]+", " ").trim();
  }

  /** Scores one extracted text against one page's expectations. */
  static Tally score(Case c, String extracted) {
    String text = norm(extracted);
    Tally t = new Tally();
    t.pages = 1;
    for (String w : c.with()) {
      if (text.contains(norm(w))) {
        t.tp++;
      } else {
        t.fn++;
      }
    }
    for (String w : c.without()) {
      if (text.contains(norm(w))) {
        t.fp++;
      } else {
        t.tn++;
      }
    }
    return t;
  }

  public static void main(String[] args) throws Exception {
    Path data = SharedData.path("data/extraction-dev");
    int show = 0;
    Path dump = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "show" -> show = Integer.parseInt(args[++i]);
        case "dump" -> dump = Path.of(args[++i]);
        case "blocks" -> {
          for (Case c : read(data)) {
            if (c.id().equals(args[i + 1]) && c.tune()) {
              HtmlExtractor.Extracted x =
                  new HtmlExtractor(Rules.standard()).extract(Jsoup.parse(c.html()), true);
              x.content().forEach(b -> System.out.println("  block: " + cut(b.text())));
              System.out.println("  outside lines: " + x.outside().size());
            }
          }
          return;
        }
        case "where" -> {
          where(data, args[i + 1], args[i + 2]);
          return;
        }
        default -> data = Path.of(args[i]);
      }
    }
    PrintStream out = System.out;
    fixtures(out);
    if (!Files.isReadable(data.resolve("cases.jsonl"))) {
      out.println(
          "extraction-dev absent at " + data + " (put shared/ beside the project); skipped");
      return;
    }
    List<Case> cases = read(data);
    out.printf(
        Locale.ROOT,
        "extraction-dev: %d pages (tune %d, check %d)%n",
        cases.size(),
        cases.stream().filter(Case::tune).count(),
        cases.stream().filter(c -> !c.tune()).count());
    ArticleCleaner cleaner = new ArticleCleaner();
    for (int pass = 0; pass < WARM_UP_PASSES; pass++) {
      for (Case c : cases) {
        cleaner.clean(RawArticle.ofHtml(c.html(), c.url(), null, FETCHED));
      }
    }
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    Map<String, String> texts = new LinkedHashMap<>();
    Map<String, Long> cpu = new LinkedHashMap<>();
    for (Case c : cases) {
      long t0 = mx.getCurrentThreadCpuTime();
      Article a = cleaner.clean(RawArticle.ofHtml(c.html(), c.url(), null, FETCHED));
      cpu.put(c.id(), mx.getCurrentThreadCpuTime() - t0);
      texts.put(c.id(), a.body());
    }
    report(out, "pantau", cases, texts, cpu);
    Trafilatura.Outcome traf = Trafilatura.run(data, cases);
    if (traf.texts().isEmpty()) {
      out.println("trafilatura: not run: " + traf.reason());
    } else {
      out.println("trafilatura " + traf.reason());
      report(out, "trafilatura", cases, traf.texts(), traf.cpuNanos());
    }
    if (show > 0) {
      showFailures(out, cases, texts, show);
    }
    if (dump != null) {
      List<String> lines = new ArrayList<>();
      for (Case c : cases) {
        Tally t = score(c, texts.get(c.id()));
        lines.add(
            String.join(
                "\t",
                c.id(),
                c.tune() ? "tune" : "check",
                Integer.toString(t.tp),
                Integer.toString(t.fn),
                Integer.toString(t.fp),
                Integer.toString(t.tn),
                c.url()));
      }
      Files.write(dump, lines, StandardCharsets.UTF_8);
      out.println("per-page tallies written to " + dump);
    }
  }

  private static void report(
      PrintStream out,
      String name,
      List<Case> cases,
      Map<String, String> texts,
      Map<String, Long> cpu) {
    for (String set : List.of("tune", "check", "all")) {
      Tally all = new Tally();
      Map<String, Integer> misses = new LinkedHashMap<>();
      Map<String, Integer> kept = new LinkedHashMap<>();
      List<Long> times = new ArrayList<>();
      for (Case c : cases) {
        if (set.equals("tune") && !c.tune() || set.equals("check") && c.tune()) {
          continue;
        }
        String text = texts.get(c.id());
        if (text == null) {
          continue;
        }
        Tally t = score(c, text);
        all.add(t);
        if (cpu.containsKey(c.id())) {
          times.add(cpu.get(c.id()));
        }
        if (t.fn > 0 || t.fp > 0) {
          classify(c, text, misses, kept);
        }
      }
      out.printf(Locale.ROOT, "%-11s %-5s %s%n", name, set, all.line());
      out.printf(Locale.ROOT, "%-11s %-5s cpu ms/page %s%n", name, set, percentiles(times));
      out.printf(Locale.ROOT, "%-11s %-5s missed by class %s%n", name, set, misses);
      out.printf(Locale.ROOT, "%-11s %-5s kept by class   %s%n", name, set, kept);
    }
  }

  private static String percentiles(List<Long> nanos) {
    if (nanos.isEmpty()) {
      return "n/a";
    }
    long[] v = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
    return String.format(
        Locale.ROOT,
        "median %.2f  p95 %.2f  max %.2f",
        v[v.length / 2] / 1e6,
        v[Math.min(v.length - 1, (int) Math.ceil(v.length * 0.95) - 1)] / 1e6,
        v[v.length - 1] / 1e6);
  }

  /** Counts each failed string by the class of place it sits in the page. */
  private static void classify(
      Case c, String text, Map<String, Integer> misses, Map<String, Integer> kept) {
    String normText = norm(text);
    Document doc = Jsoup.parse(c.html());
    for (String w : c.with()) {
      if (!normText.contains(norm(w))) {
        String k = normText.isEmpty() ? "empty-output" : missClass(doc, w);
        misses.merge(k, 1, Integer::sum);
      }
    }
    for (String w : c.without()) {
      if (normText.contains(norm(w))) {
        kept.merge(keptClass(doc, w), 1, Integer::sum);
      }
    }
  }

  /** Prints the ancestors of a string in a tune-set page (debugging aid for tuning). */
  private static void where(Path data, String id, String needle) throws IOException {
    for (Case c : read(data)) {
      if (!c.id().equals(id) || !c.tune()) {
        continue;
      }
      Document doc = Jsoup.parse(c.html());
      doc.select("script, style, noscript, template").remove();
      Element at = locate(doc, needle);
      for (Element e = at; e != null; e = e.parent()) {
        System.out.printf(
            Locale.ROOT,
            "%s.%s#%s text=%d children=%d%n",
            e.normalName(),
            e.className(),
            e.id(),
            e.text().length(),
            e.childrenSize());
      }
    }
  }

  /** Where a missed string sits: the error classes of issue 27, read from the markup. */
  static String missClass(Document doc, String want) {
    if (want.codePoints().anyMatch(ExtractionHarness::spaceless)) {
      return "cjk-thai";
    }
    Element at = locate(doc, want);
    if (at == null) {
      return "unlocated";
    }
    for (Element e = at; e != null; e = e.parent()) {
      String tag = e.normalName();
      if (tag.equals("table") || tag.equals("ul") || tag.equals("ol") || tag.equals("dl")) {
        return "table-list";
      }
    }
    for (Element e = at; e != null; e = e.parent()) {
      if (namedChrome(e)) {
        return "chrome-named-wrapper";
      }
    }
    if (at.select("br").size() >= 2
        || at.parent() != null && at.parent().select("> br").size() >= 2) {
      return "br-paragraphs";
    }
    return "other";
  }

  /** Where a kept unwanted string sits. */
  static String keptClass(Document doc, String unwanted) {
    Element at = locate(doc, unwanted);
    if (at == null) {
      return "unlocated";
    }
    for (Element e = at; e != null; e = e.parent()) {
      String tag = e.normalName();
      if (tag.equals("a")) {
        return "link";
      }
      if (tag.equals("figure") || tag.equals("figcaption")) {
        return "caption";
      }
      if (tag.equals("article") && e.parent() != null && e.parent().children().size() > 1) {
        int siblings = e.parent().getElementsByTag("article").size();
        if (siblings > 1) {
          return "card-list";
        }
      }
      if (tag.equals("ul") || tag.equals("ol") || tag.equals("table")) {
        return "list";
      }
    }
    return "other";
  }

  private static boolean namedChrome(Element e) {
    String names = (e.className() + " " + e.id()).toLowerCase(Locale.ROOT);
    for (String part : names.split("[\\s_-]+")) {
      if (Rules.standard().htmlDrop.contains(part)) {
        return true;
      }
    }
    return false;
  }

  /** The element whose own text holds the start of the string, or null. */
  private static Element locate(Document doc, String s) {
    String probe = norm(s);
    probe = probe.substring(0, Math.min(probe.length(), 24));
    for (TextNode t : doc.body() == null ? List.<TextNode>of() : textNodes(doc.body())) {
      if (norm(t.text()).contains(probe)) {
        return (Element) t.parent();
      }
    }
    return null;
  }

  private static List<TextNode> textNodes(Element root) {
    List<TextNode> out = new ArrayList<>();
    root.traverse(
        (Node n, int depth) -> {
          if (n instanceof TextNode t && !t.isBlank()) {
            out.add(t);
          }
        });
    return out;
  }

  static boolean spaceless(int cp) {
    Character.UnicodeScript s = Character.UnicodeScript.of(cp);
    return s == Character.UnicodeScript.HAN
        || s == Character.UnicodeScript.HIRAGANA
        || s == Character.UnicodeScript.KATAKANA
        || s == Character.UnicodeScript.THAI;
  }

  /** Prints the failures of tune-set pages only: the check set is never looked at page by page. */
  private static void showFailures(
      PrintStream out, List<Case> cases, Map<String, String> texts, int limit) {
    int shown = 0;
    for (Case c : cases) {
      if (!c.tune() || shown >= limit) {
        continue;
      }
      String text = norm(texts.get(c.id()));
      List<String> missing = new ArrayList<>();
      List<String> kept = new ArrayList<>();
      c.with().stream().filter(w -> !text.contains(norm(w))).forEach(missing::add);
      c.without().stream().filter(w -> text.contains(norm(w))).forEach(kept::add);
      if (missing.isEmpty() && kept.isEmpty()) {
        continue;
      }
      shown++;
      Document doc = Jsoup.parse(c.html());
      out.println("== " + c.id() + " " + c.url() + " (output " + text.length() + " chars)");
      missing.forEach(m -> out.println("  missing [" + missClass(doc, m) + "]: " + cut(m)));
      kept.forEach(k -> out.println("  kept [" + keptClass(doc, k) + "]: " + cut(k)));
    }
  }

  private static String cut(String s) {
    String n = norm(s);
    return n.length() > 140 ? n.substring(0, 140) + "..." : n;
  }

  /** Pantau's own fixtures: how many come out with exactly their expected body. */
  private static void fixtures(PrintStream out) {
    ArticleCleaner cleaner = new ArticleCleaner();
    int exact = 0;
    int total = 0;
    Tally paragraphs = new Tally();
    for (Fixtures.Fixture f : Fixtures.all().toList()) {
      total++;
      List<String> want = f.body();
      List<String> got = cleaner.clean(f.raw()).paragraphs();
      if (want.equals(got)) {
        exact++;
      }
      for (String w : want) {
        if (got.contains(w)) {
          paragraphs.tp++;
        } else {
          paragraphs.fn++;
        }
      }
      for (String g : got) {
        if (!want.contains(g)) {
          paragraphs.fp++;
        }
      }
    }
    paragraphs.pages = total;
    out.printf(
        Locale.ROOT,
        "fixtures: %d of %d with exactly the expected body; paragraphs %s%n",
        exact,
        total,
        paragraphs.line());
  }

  static List<Case> read(Path data) throws IOException {
    List<Case> out = new ArrayList<>();
    try (BufferedReader r = Files.newBufferedReader(data.resolve("cases.jsonl"))) {
      String line;
      while ((line = r.readLine()) != null) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode n = JSON.readTree(line);
        String file = n.get("file").asText();
        byte[] bytes = gunzip(data.resolve(file));
        out.add(
            new Case(
                n.get("id").asText(),
                n.get("url").asText(),
                file,
                PageDecoder.decode(bytes, null),
                strings(n.get("with")),
                strings(n.get("without"))));
      }
    }
    return out;
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    if (array != null) {
      array.forEach(x -> out.add(x.asText()));
    }
    return out;
  }

  private static byte[] gunzip(Path p) {
    try (InputStream in = new GZIPInputStream(Files.newInputStream(p))) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
