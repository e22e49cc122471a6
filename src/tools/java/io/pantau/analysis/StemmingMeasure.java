package io.pantau.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pantau.query.QueryText;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.zip.CRC32;
import java.util.zip.GZIPInputStream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.en.EnglishMinimalStemFilter;
import org.apache.lucene.analysis.en.KStemFilter;

/**
 * What stemming buys a bare-word query on real news: for fixed lists of roots, the share of
 * articles holding an inflection of the root that the root finds (recall), and the share of what it
 * finds that really holds the root or an inflection (precision), before (surface words only) and
 * after (a word also matches its stem in the article's language).
 *
 * <p>"Holds an inflection" is decided by a word list that does not use the stemmer: every form the
 * language's affix rules build from the root ({@link #indonesianForms}, {@link #englishForms}). The
 * roots were written down before the first measurement and are not changed to suit it. Articles are
 * split by CRC-32 of their id: even ones are the tuning half (the only ones whose misses were
 * looked at when the root list of the stemmer was written), odd ones the check half; both are
 * printed.
 *
 * <p>Run: {@code java -cp target/classes:target/test-classes:$(cat cp.txt)
 * io.pantau.analysis.StemmingMeasure ../shared} (see docs/search.md).
 */
public final class StemmingMeasure {
  /** Indonesian roots, fixed before measuring: nasal classes, vowel roots, confixes, particles. */
  static final List<String> INDONESIAN_ROOTS =
      List.of(
          "banjir", "bakar", "tulis", "pukul", "kirim", "sapu", "ambil", "ajar", "pilih", "tanam",
          "jual", "beli", "bangun", "laku", "kerja", "kata", "sebut", "tangkap", "periksa", "tolak",
          "usul", "ungkap", "kembang", "temu", "tunjuk", "pakai", "dukung", "bantu", "jalan",
          "harga", "naik", "turun", "minta", "nilai", "sampai", "putus", "bayar", "hadir", "lapor",
          "pimpin", "ubah", "ikut", "atur", "buka", "tutup", "janji", "ancam", "serang", "ekspor",
          "rugi");

  /** English roots, fixed before measuring: regular verbs and nouns of business news. */
  static final List<String> ENGLISH_ROOTS =
      List.of(
          "flood",
          "storm",
          "rise",
          "price",
          "rate",
          "cut",
          "plan",
          "win",
          "report",
          "launch",
          "market",
          "stock",
          "share",
          "trade",
          "deal",
          "merge",
          "acquire",
          "invest",
          "bank",
          "loan",
          "charge",
          "fine",
          "sue",
          "recall",
          "warn",
          "delay",
          "close",
          "open",
          "hire",
          "strike",
          "protest",
          "vote",
          "ban",
          "drop",
          "surge",
          "jump",
          "slump",
          "gain",
          "expand",
          "test",
          "approve",
          "reject",
          "probe",
          "settle",
          "order",
          "sale",
          "profit",
          "cost",
          "release",
          "announce");

  private StemmingMeasure() {}

  /** One article: its id, stemmer language and tokens (folded, as the index has them). */
  record Doc(String id, String lang, Set<String> tokens) {
    boolean tuning() {
      CRC32 crc = new CRC32();
      crc.update(id.getBytes(StandardCharsets.UTF_8));
      return crc.getValue() % 2 == 0;
    }
  }

  /** Counts over one half for one language. */
  static final class Tally {
    long relevant;
    long foundBefore;
    long hitBefore;
    long foundAfter;
    long hitAfter;

    double recallAfter() {
      return ratio(hitAfter, relevant);
    }

    double precisionAfter() {
      return ratio(hitAfter, foundAfter);
    }

    double recallBefore() {
      return ratio(hitBefore, relevant);
    }

    String row(String name) {
      return String.format(
          "%-18s relevant %6d | before: recall %.3f precision %.3f | after: recall %.3f precision"
              + " %.3f",
          name,
          relevant,
          ratio(hitBefore, relevant),
          ratio(hitBefore, foundBefore),
          ratio(hitAfter, relevant),
          ratio(hitAfter, foundAfter));
    }

    private static double ratio(long a, long b) {
      return b == 0 ? 1.0 : (double) a / b;
    }
  }

  public static void main(String[] args) throws IOException {
    Path shared = Path.of(args.length > 0 ? args[0] : "../shared");
    Path indosum = shared.resolve("data/indosum-news/articles.jsonl");
    Path uci = shared.resolve("data/uci-news-aggregator/news.jsonl.gz");
    if (!Files.exists(indosum) || !Files.exists(uci)) {
      System.out.println("skipped: " + shared + "/data (IndoSum, UCI headlines) is not here");
      return;
    }
    int englishLimit = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
    List<Doc> id = read(indosum, "id", Integer.MAX_VALUE);
    List<Doc> en = read(uci, "en", englishLimit);
    System.out.printf(
        "Indonesian: %d IndoSum articles, %d roots; English: %d UCI headlines, %d roots%n",
        id.size(), INDONESIAN_ROOTS.size(), en.size(), ENGLISH_ROOTS.size());
    report("id", id, INDONESIAN_ROOTS, t -> Stemming.stem("id", t));
    report("en", en, ENGLISH_ROOTS, t -> Stemming.stem("en", t));
    System.out.println("Alternatives measured before choosing (after-figures only):");
    report("id Lucene rules alone", id, INDONESIAN_ROOTS, alone(new LuceneIndonesian()));
    report("en Porter2 (Snowball English)", en, ENGLISH_ROOTS, porter2());
    report("en KStem", en, ENGLISH_ROOTS, filtered(KStemFilter::new));
    report("en s-stemmer", en, ENGLISH_ROOTS, filtered(EnglishMinimalStemFilter::new));
  }

  /** Lucene's Indonesian stemmer with no root list and no nasal repair. */
  private static final class LuceneIndonesian {
    private final org.apache.lucene.analysis.id.IndonesianStemmer stemmer =
        new org.apache.lucene.analysis.id.IndonesianStemmer();

    String stem(String t) {
      char[] c = t.toCharArray();
      return new String(c, 0, stemmer.stem(c, c.length, true));
    }
  }

  private static UnaryOperator<String> alone(LuceneIndonesian s) {
    return t -> Stemming.stemmable(t) ? s.stem(t) : t;
  }

  private static UnaryOperator<String> porter2() {
    org.tartarus.snowball.ext.EnglishStemmer s = new org.tartarus.snowball.ext.EnglishStemmer();
    return t -> {
      if (!Stemming.stemmable(t)) {
        return t;
      }
      s.setCurrent(t);
      s.stem();
      return s.getCurrent();
    };
  }

  /** A Lucene stemming filter applied to one token at a time. */
  private static UnaryOperator<String> filtered(Function<TokenStream, TokenStream> filter) {
    Analyzer analyzer =
        new Analyzer() {
          @Override
          protected TokenStreamComponents createComponents(String field) {
            Tokenizer source = new KeywordTokenizer();
            return new TokenStreamComponents(source, filter.apply(source));
          }
        };
    Map<String, String> cache = new HashMap<>();
    return t ->
        cache.computeIfAbsent(
            t,
            x -> {
              List<String> out = new ArrayList<>();
              QueryText.forEachToken(analyzer, "", x, (term, position) -> out.add(term));
              return out.isEmpty() ? x : out.get(0);
            });
  }

  static void report(String lang, List<Doc> docs, List<String> roots, UnaryOperator<String> stem) {
    List<String> weak = new ArrayList<>();
    Tally[] halves = measure(lang, docs, roots, stem, weak);
    System.out.println(halves[0].row(lang + " tuning half"));
    System.out.println(halves[1].row(lang + " check half"));
    weak.forEach(w -> System.out.println("  weak root: " + w));
  }

  /**
   * The tallies of the tuning half and the check half; roots whose recall is under 0.9 or whose
   * precision is under 0.95 are added to {@code weak}.
   */
  static Tally[] measure(
      String lang,
      List<Doc> docs,
      List<String> roots,
      UnaryOperator<String> stem,
      List<String> weak) {
    Tally tune = new Tally();
    Tally check = new Tally();
    for (String root : roots) {
      Set<String> forms = lang.startsWith("id") ? indonesianForms(root) : englishForms(root);
      String rootStem = stem.apply(root);
      Tally one = new Tally();
      for (Doc d : docs) {
        boolean relevant = false;
        boolean before = d.tokens().contains(root);
        boolean after = before;
        for (String t : d.tokens()) {
          relevant |= forms.contains(t);
          after |= stem.apply(t).equals(rootStem);
        }
        for (Tally t : d.tuning() ? List.of(tune, one) : List.of(check, one)) {
          count(t, relevant, before, after);
        }
      }
      if (one.relevant > 0
          && ((double) one.hitAfter / one.relevant < 0.9
              || (one.foundAfter > 0 && (double) one.hitAfter / one.foundAfter < 0.95))) {
        weak.add(one.row(root));
      }
    }
    return new Tally[] {tune, check};
  }

  private static void count(Tally t, boolean relevant, boolean before, boolean after) {
    if (relevant) {
      t.relevant++;
    }
    if (before) {
      t.foundBefore++;
      t.hitBefore += relevant ? 1 : 0;
    }
    if (after) {
      t.foundAfter++;
      t.hitAfter += relevant ? 1 : 0;
    }
  }

  static List<Doc> read(Path file, String lang, int limit) throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<Doc> out = new ArrayList<>();
    try (InputStream raw = Files.newInputStream(file);
        InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null && out.size() < limit; line = r.readLine()) {
        JsonNode n = json.readTree(line);
        String text = n.path("title").asText("") + " " + n.path("body").asText("");
        if (!lang.equals(n.path("lang").asText(lang)) || text.isBlank()) {
          continue;
        }
        out.add(new Doc(n.path("id").asText(), lang, new HashSet<>(QueryText.tokens(text.trim()))));
      }
    }
    return out;
  }

  /**
   * The forms Indonesian affixation builds from a root: suffixes {@code -i -kan -an}, prefixes
   * {@code di- ter- ke- se- ber- per- meN- peN- memper- diper-} with the nasal's assimilation (and
   * the dropped k, p, t, s), confixes {@code ke-...-an}, {@code peN-...-an}, {@code per-...-an},
   * then possessives {@code -ku -mu -nya} and particles {@code -lah -kah -pun}.
   */
  static Set<String> indonesianForms(String root) {
    Set<String> stems = new LinkedHashSet<>();
    for (String suffix : List.of("", "i", "kan", "an")) {
      stems.add(root + suffix);
      for (String prefix : List.of("di", "ter", "ke", "se", "ber", "per", "memper", "diper")) {
        stems.add(prefix + root + suffix);
      }
      if (root.startsWith("r")) {
        stems.add("be" + root + suffix);
        stems.add("pe" + root + suffix);
      }
      stems.add(nasal("me", root) + suffix);
      stems.add(nasal("pe", root) + suffix);
    }
    Set<String> out = new HashSet<>();
    for (String s : stems) {
      for (String possessive : List.of("", "ku", "mu", "nya")) {
        for (String particle : List.of("", "lah", "kah", "pun")) {
          out.add(s + possessive + particle);
        }
      }
    }
    return out;
  }

  /** {@code me-}/{@code pe-} with the nasal the root's first sound takes. */
  static String nasal(String base, String root) {
    char c = root.charAt(0);
    String rest = root.substring(1);
    boolean vowelNext = !rest.isEmpty() && "aeiou".indexOf(rest.charAt(0)) >= 0;
    if ("aeiou".indexOf(c) >= 0 || c == 'g' || c == 'h') {
      return base + "ng" + root;
    }
    return switch (c) {
      case 'k' -> vowelNext ? base + "ng" + rest : base + "ng" + root;
      case 'p' -> vowelNext ? base + "m" + rest : base + "m" + root;
      case 'b', 'f', 'v' -> base + "m" + root;
      case 't' -> vowelNext ? base + "n" + rest : base + "n" + root;
      case 'c', 'd', 'j', 'z' -> base + "n" + root;
      case 's' -> vowelNext ? base + "ny" + rest : base + "n" + root;
      default -> base + root;
    };
  }

  /**
   * The regular English inflections of a root: plural and third person {@code -s}/{@code -es}, past
   * {@code -ed}, {@code -ing}, with a silent {@code e} dropped, a final consonant doubled after a
   * short vowel, and {@code y} turned to {@code i}; and the possessive {@code 's}.
   */
  static Set<String> englishForms(String root) {
    Set<String> out = new HashSet<>();
    out.add(root);
    String last = root.substring(root.length() - 1);
    boolean silentE = root.endsWith("e");
    boolean consonantY = root.endsWith("y") && "aeiou".indexOf(root.charAt(root.length() - 2)) < 0;
    String stemForEd = silentE ? root.substring(0, root.length() - 1) : root;
    out.add(root.matches(".*(s|x|z|ch|sh)") ? root + "es" : root + "s");
    if (consonantY) {
      String i = root.substring(0, root.length() - 1) + "i";
      out.add(i + "es");
      out.add(i + "ed");
    } else {
      out.add(stemForEd + "ed");
    }
    out.add(stemForEd + "ing");
    if (root.matches(".*[^aeiou][aeiou][bdgklmnprt]")) {
      out.add(root + last + "ed");
      out.add(root + last + "ing");
    }
    out.add(root + "'s");
    return out;
  }
}
