package io.pantau.clean;

import io.pantau.article.AiUse;
import io.pantau.article.Article;
import io.pantau.article.Credits;
import io.pantau.article.DatePrecision;
import io.pantau.article.Dateline;
import io.pantau.article.RawArticle;
import io.pantau.article.Rights;
import io.pantau.text.Words;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * Turns a raw input (scraped text, an HTML fragment or a whole page) into a clean article: title,
 * lead, body paragraphs, captions, credits, dateline, rights, publisher and publication date, with
 * navigation and aggregator chrome left out. Pure: no I/O.
 *
 * <p>Thread-safe: the rules are immutable and loaded once; each call keeps its state on the stack.
 * Never throws for odd input: a layout it cannot read comes out as a plain body.
 */
public final class ArticleCleaner {

  /** A tag anywhere in the text (found, not matched: "(?s).*TAG.*" scanned the whole body). */
  private static final Pattern HTML = Pattern.compile("</?[a-zA-Z][a-zA-Z0-9]*[^>]*>");

  /** A full stop after a lower-case word, so "PT." and "Ltd." do not end the holder's name. */
  private static final Pattern SENTENCE_END = Pattern.compile("(?<=\\p{Ll}{3}\\.)\\s+");

  private final Rules rules;
  private final Dates dates;
  private final HtmlExtractor html;
  private final StoryParser parser;
  private final DateResolver resolver;

  /** A cleaner with the rules shipped with Pantau. */
  public ArticleCleaner() {
    this(Rules.standard());
  }

  ArticleCleaner(Rules rules) {
    this.rules = rules;
    this.dates = new Dates(rules);
    this.html = new HtmlExtractor(rules);
    this.parser = new StoryParser(rules, dates);
    this.resolver = new DateResolver(dates);
  }

  /**
   * Cleans one raw article. The result has no id yet; ingest assigns identity.
   *
   * @param raw the article as received; may be null or empty
   * @return the cleaned article, never null
   */
  public Article clean(RawArticle raw) {
    Instant fetched = raw == null || raw.fetchedAt() == null ? Instant.now() : raw.fetchedAt();
    if (raw == null) {
      return Article.builder()
          .fetched(fetched)
          .publishedPrecision(DatePrecision.estimated)
          .published(fetched)
          .build();
    }
    try {
      return read(raw, fetched);
    } catch (RuntimeException | StackOverflowError e) {
      // A pathological page (deep nesting, a regex that backtracks too far) must not sink the
      // batch it came in: keep its words as a plain body.
      return PlainText.clean(raw, fetched);
    }
  }

  private Article read(RawArticle raw, Instant fetched) {
    PageMeta meta = PageMeta.NONE;
    List<Block> content;
    List<String> around = List.of();
    List<String> before = List.of();
    if (raw.html() != null && !raw.html().isBlank()) {
      Document doc = Jsoup.parse(raw.html(), raw.urlValue().orElse(""));
      meta = PageMeta.read(doc);
      HtmlExtractor.Extracted x = html.extract(doc, true);
      content = x.content();
      around = x.outside();
      before = x.before();
    } else if (raw.body() != null
        && raw.body().indexOf('<') >= 0
        && HTML.matcher(raw.body()).find()) {
      Document doc = Jsoup.parseBodyFragment(raw.body(), raw.urlValue().orElse(""));
      HtmlExtractor.Extracted x = html.extract(doc, false);
      content = x.content();
      around = x.outside();
      before = x.before();
    } else {
      content = PlainText.blocks(raw.body());
    }
    String knownTitle = Texts.blankToNull(raw.title());
    if (knownTitle == null) {
      knownTitle = meta.title();
    }
    StoryParser.Story story = parser.parse(content, around, before, knownTitle);
    String lang = language(raw, meta, story);
    ZoneOffset zone = rules.language(lang).defaultZone();
    Dates.Dated dated = resolver.resolve(raw.published(), meta.published(), story, zone, fetched);
    Rights rights = rights(story, meta);
    String body = String.join("\n\n", story.paragraphs());
    List<String> paragraphs = story.paragraphs();
    if (body.isBlank() && raw.html() == null && raw.body() != null) {
      // Nothing looked like story text (a one-line note, say): keep what was sent rather than
      // lose it; the layout rules only ever remove what they recognise.
      paragraphs =
          PlainText.blocks(raw.body()).stream()
              .map(Block::text)
              .filter(t -> !t.isBlank())
              .filter(t -> !t.equals(story.title()))
              .toList();
      body = String.join("\n\n", paragraphs);
    }
    String source = Texts.blankToNull(raw.source());
    if (source == null) {
      source = host(raw.url());
    }
    // The copy's own words name the original agency; page metadata names the site that serves it.
    String publisher =
        firstOf(
            story.agency(),
            textHolder(story),
            meta.publisher(),
            meta.copyrightHolder(),
            meta.siteName());
    String reporter = firstOf(story.reporter(), meta.author());
    return Article.builder()
        .url(Texts.blankToNull(raw.url()))
        // What the page claims, unchecked: ingest decides whether it may name the article.
        .canonicalUrl(meta.canonicalUrl())
        .title(story.title())
        .lead(paragraphs.isEmpty() ? null : paragraphs.get(0))
        .body(body)
        .source(source)
        .publisher(publisher)
        .published(dated.at())
        .publishedPrecision(dated.precision())
        .fetched(fetched)
        .lang(lang)
        .dateline(
            story.place() == null && story.agency() == null
                ? Dateline.NONE
                : new Dateline(story.place(), story.agency()))
        .credits(new Credits(reporter, story.editor(), story.photographer()))
        .captions(story.captions())
        .rights(rights)
        .wordCount(Words.count(body))
        .build();
  }

  /** The holder named by the first copyright line of the text, if any. */
  private String textHolder(StoryParser.Story story) {
    for (String line : story.copyright()) {
      String h = statement(line);
      for (Pattern p : rules.copyrightNoise) {
        h = p.matcher(h).replaceAll(" ");
      }
      h = Texts.space(h).replaceAll("^[\\s,.;:|\\-–—]+|[\\s,.;:|\\-–—]+$", "");
      if (!h.isEmpty() && h.length() <= 80) {
        return rules.agency(h);
      }
    }
    return null;
  }

  private Rights rights(StoryParser.Story story, PageMeta meta) {
    String holder = firstOf(textHolder(story), meta.copyrightHolder());
    AiUse ai = AiUse.unknown;
    List<String> notice = new ArrayList<>();
    String robots = meta.robots() == null ? "" : meta.robots().toLowerCase(Locale.ROOT);
    if (!story.aiProhibited().isEmpty() || robots.matches(".*\\bno-?ai\\b.*")) {
      ai = AiUse.prohibited;
      notice.addAll(story.aiProhibited());
      if (notice.isEmpty()) {
        notice.add("robots: " + meta.robots());
      }
    } else if (!story.aiAllowed().isEmpty()
        || meta.license() != null && meta.license().contains("creativecommons.org")) {
      ai = AiUse.allowed;
      notice.addAll(story.aiAllowed());
    }
    if (notice.isEmpty()) {
      notice.addAll(story.copyright());
    }
    List<String> distinct = new ArrayList<>(new LinkedHashSet<>(notice));
    if (holder == null && distinct.isEmpty() && ai == AiUse.unknown) {
      return Rights.UNKNOWN;
    }
    return new Rights(holder, distinct.isEmpty() ? null : String.join(" ", distinct), ai);
  }

  /** The sentence of a rights line that names the holder; later sentences are the notice. */
  private static String statement(String line) {
    for (String sentence : SENTENCE_END.split(line)) {
      String lower = sentence.toLowerCase(Locale.ROOT);
      if (sentence.contains("©") || lower.contains("copyright") || lower.contains("hak cipta")) {
        return sentence;
      }
    }
    return line;
  }

  /** The caller's word, then the page's, then the words of the text itself. */
  private String language(RawArticle raw, PageMeta meta, StoryParser.Story story) {
    String given = Texts.blankToNull(raw.lang());
    if (given != null) {
      return given.toLowerCase(Locale.ROOT);
    }
    if (meta.lang() != null && !meta.lang().isBlank()) {
      return meta.lang();
    }
    String sample = String.join(" ", story.paragraphs());
    if (sample.length() > 4000) {
      sample = sample.substring(0, 4000);
    }
    // words are the runs of letters (regex \p{L}); one look-up each finds every language that
    // lists the word
    int[] hits = new int[rules.languages.size()];
    String lower = sample.toLowerCase(Locale.ROOT);
    int n = lower.length();
    int i = 0;
    while (i < n) {
      int cp = codePointAt(lower, i);
      if (!isLetter(cp)) {
        i += Character.charCount(cp);
        continue;
      }
      int start = i;
      do {
        i += Character.charCount(cp);
      } while (i < n && isLetter(cp = codePointAt(lower, i)));
      for (long bits = rules.stopwordLanguages.get(lower, start, i); bits != 0; bits &= bits - 1) {
        hits[Long.numberOfTrailingZeros(bits)]++;
      }
    }
    String best = null;
    int bestHits = 2;
    for (int l = 0; l < hits.length; l++) {
      if (hits[l] > bestHits) {
        best = rules.languages.get(l).code();
        bestHits = hits[l];
      }
    }
    return best;
  }

  private static int codePointAt(String s, int i) {
    char c = s.charAt(i);
    return c < 0x80 ? c : s.codePointAt(i);
  }

  /** {@link Character#isLetter(int)}, with ASCII decided without the Unicode tables. */
  private static boolean isLetter(int cp) {
    if (cp < 0x80) {
      int folded = (cp | 0x20) - 'a';
      return folded >= 0 && folded < 26;
    }
    return Character.isLetter(cp);
  }

  private static String host(String url) {
    if (url == null || url.isBlank()) {
      return null;
    }
    try {
      String host = URI.create(url.trim()).getHost();
      return host == null ? null : host.replaceFirst("^www\\.", "");
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static String firstOf(String... values) {
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        return v;
      }
    }
    return null;
  }
}
