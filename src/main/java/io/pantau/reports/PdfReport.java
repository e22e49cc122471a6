package io.pantau.reports;

import io.pantau.analytics.EntityCounts;
import io.pantau.analytics.SourceShares;
import io.pantau.analytics.TermCounts;
import io.pantau.article.Article;
import io.pantau.index.ArticleStats.StoryCount;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * The PDF report: a cover (query, filters, period, generation time and the rest of the provenance),
 * headline figures with the volume and sentiment charts, share of voice and top keywords and
 * entities, the top stories with their copies, and the article list (at most {@code maxArticles}
 * rows; the CSV and XLSX carry them all). Charts are PNG images from {@link Charts}; the text is
 * set in the embedded {@link ReportFont}. The document is built in a temporary file, so its size
 * does not weigh on the heap.
 */
final class PdfReport implements ReportWriter {
  private static final float MARGIN = 50;
  private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;
  private static final float TOP = PDRectangle.A4.getHeight() - MARGIN;
  private static final float LIST_SIZE = 8;

  private final OutputStream out;
  private final PDDocument doc;
  private final PDType0Font font;
  private final ReportSpec spec;
  private final Summary summary;
  private final int maxArticles;
  private final DateTimeFormatter dates;
  private final Map<Integer, Boolean> glyphs = new HashMap<>();
  private PDPageContentStream page;
  private float y;
  private int listed;

  PdfReport(
      OutputStream out,
      List<Provenance.Entry> provenance,
      ReportSpec spec,
      Summary summary,
      int maxArticles)
      throws IOException {
    this.out = out;
    this.spec = spec;
    this.summary = summary;
    this.maxArticles = maxArticles;
    this.dates = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(spec.tz());
    this.doc = new PDDocument(IOUtils.createTempFileOnlyStreamCache());
    try (InputStream in = ReportFont.open()) {
      this.font = PDType0Font.load(doc, in);
    }
    info(provenance);
    cover(provenance);
    headline();
    voices();
    stories();
    newPage();
    heading("Articles", 16);
    line(
        "Up to "
            + maxArticles
            + " articles, oldest first; the CSV and XLSX reports list every one.",
        9);
    y -= 6;
    listHeader();
  }

  private void info(List<Provenance.Entry> provenance) {
    PDDocumentInformation info = doc.getDocumentInformation();
    info.setTitle("Pantau coverage report");
    info.setSubject(spec.queryText().isEmpty() ? "(all articles)" : spec.queryText());
    info.setCreator("Pantau");
    info.setProducer("Pantau (PDFBox, JFreeChart)");
    info.setCreationDate(calendar(spec.snapshot()));
    for (Provenance.Entry e : provenance) {
      info.setCustomMetadataValue("Pantau " + e.name(), e.value());
    }
  }

  private static Calendar calendar(Instant t) {
    GregorianCalendar c = new GregorianCalendar(TimeZone.getTimeZone("UTC"), Locale.ROOT);
    c.setTimeInMillis(t.toEpochMilli());
    return c;
  }

  private void cover(List<Provenance.Entry> provenance) throws IOException {
    newPage();
    y -= 60;
    heading("Coverage report", 28);
    y -= 10;
    wrapped(spec.queryText().isEmpty() ? "All articles" : spec.queryText(), 16);
    y -= 8;
    line("Period: " + Provenance.period(spec), 12);
    line("Generated: " + dates.format(spec.snapshot()) + " (" + spec.tz().getId() + ")", 12);
    y -= 20;
    for (Provenance.Entry e : provenance) {
      wrapped(e.name() + ": " + e.value(), 9);
    }
  }

  private void headline() throws IOException {
    newPage();
    heading("Headline figures", 16);
    long total = summary.total();
    Double mean = summary.meanScore();
    line("Articles: " + total, 11);
    line("Sources: " + summary.sources().items().size() + shown(summary.sources()), 11);
    line(
        String.format(
            Locale.ROOT,
            "Sentiment: %d positive, %d neutral, %d negative; mean score %s",
            summary.positive(),
            summary.neutral(),
            summary.negative(),
            mean == null ? "n/a" : String.format(Locale.ROOT, "%.2f", mean)),
        11);
    y -= 10;
    image(Charts.volume(summary.volume(), spec.tz(), (int) WIDTH, 260), WIDTH, 260);
    y -= 10;
    image(Charts.sentiment(summary.sentiment(), spec.tz(), (int) WIDTH, 260), WIDTH, 260);
  }

  private static String shown(SourceShares s) {
    long listed = s.items().stream().mapToLong(SourceShares.Item::count).sum();
    return listed < s.total() ? " or more (the largest " + s.items().size() + " shown)" : "";
  }

  private void voices() throws IOException {
    newPage();
    heading("Share of voice", 16);
    image(Charts.shareOfVoice(summary.sources(), (int) WIDTH, 240), WIDTH, 240);
    y -= 6;
    for (SourceShares.Item i : summary.sources().items()) {
      line(
          String.format(
              Locale.ROOT, "%s: %d articles (%.1f%%)", i.source(), i.count(), 100 * i.share()),
          9);
    }
    newPage();
    heading("Top keywords and entities", 16);
    TermCounts k = summary.keywords();
    int bars = Math.max(4, Math.min(k.items().size(), 15));
    image(Charts.keywords(k, (int) WIDTH, 40 + 18 * bars), WIDTH, 40 + 18 * bars);
    y -= 6;
    for (EntityCounts e : List.of(summary.persons(), summary.organizations(), summary.places())) {
      List<String> names = new ArrayList<>();
      e.items().forEach(i -> names.add(i.name() + " (" + i.count() + ")"));
      wrapped(label(e) + ": " + (names.isEmpty() ? "none" : String.join(", ", names)), 10);
      y -= 4;
    }
  }

  private static String label(EntityCounts e) {
    return switch (e.type()) {
      case person -> "People";
      case organization -> "Organizations";
      case place -> "Places";
    };
  }

  private void stories() throws IOException {
    y -= 10;
    space(60);
    heading("Top stories", 16);
    line("Articles: matching articles of the story; copies: all its stored articles.", 9);
    y -= 4;
    for (StoryCount s : summary.stories()) {
      long copies = summary.storyCopies().getOrDefault(s.storyId(), s.articles());
      wrapped(
          (s.title() == null ? s.storyId() : s.title())
              + " | "
              + (s.source() == null ? "" : s.source())
              + " | articles "
              + s.articles()
              + " | copies "
              + copies,
          9);
    }
  }

  private void listHeader() throws IOException {
    float[] x = {0, 70, 175, 215, 245};
    String[] h = {"published", "source", "score", "copies", "title"};
    space(LIST_SIZE + 4);
    for (int i = 0; i < h.length; i++) {
      text(MARGIN + x[i], y, h[i], LIST_SIZE);
    }
    y -= LIST_SIZE + 4;
  }

  @Override
  public boolean row(Article a, long copies) throws IOException {
    if (listed >= maxArticles) {
      return false;
    }
    listed++;
    if (y - LIST_SIZE - 3 < MARGIN) {
      newPage();
      listHeader();
    }
    float[] x = {0, 70, 175, 215, 245};
    String score =
        a.sentiment() == null ? "" : String.format(Locale.ROOT, "%.2f", a.sentiment().score());
    String[] v = {
      a.published() == null ? "" : dates.format(a.published()),
      fit(a.source(), 100),
      score,
      Long.toString(copies),
      fit(a.title(), WIDTH - x[4])
    };
    for (int i = 0; i < v.length; i++) {
      text(MARGIN + x[i], y, v[i], LIST_SIZE);
    }
    y -= LIST_SIZE + 3;
    return true;
  }

  @Override
  public void finish() throws IOException {
    y -= 6;
    String note =
        listed < summary.total()
            ? listed + " of " + summary.total() + " articles listed."
            : listed + " articles listed.";
    space(12);
    line(note, 9);
    page.close();
    page = null;
    doc.save(out);
    out.flush();
  }

  @Override
  public void close() throws IOException {
    if (page != null) {
      page.close();
    }
    doc.close();
  }

  // Layout ---------------------------------------------------------------------------------

  private void newPage() throws IOException {
    if (page != null) {
      page.close();
    }
    PDPage p = new PDPage(PDRectangle.A4);
    doc.addPage(p);
    page = new PDPageContentStream(doc, p);
    y = TOP;
  }

  private void space(float needed) throws IOException {
    if (y - needed < MARGIN) {
      newPage();
    }
  }

  private void heading(String s, float size) throws IOException {
    space(size + 8);
    text(MARGIN, y - size, s, size);
    y -= size + 10;
  }

  private void line(String s, float size) throws IOException {
    space(size + 4);
    text(MARGIN, y - size, fit(s, WIDTH, size), size);
    y -= size + 4;
  }

  /** Text broken into lines at spaces to fit the width. */
  private void wrapped(String s, float size) throws IOException {
    StringBuilder current = new StringBuilder();
    for (String word : clean(s).split(" ")) {
      String candidate = current.isEmpty() ? word : current + " " + word;
      if (current.isEmpty() || width(candidate, size) <= WIDTH) {
        current.setLength(0);
        current.append(candidate);
      } else {
        line(current.toString(), size);
        current.setLength(0);
        current.append(word);
      }
    }
    if (!current.isEmpty()) {
      line(current.toString(), size);
    }
  }

  private void image(byte[] png, float w, float h) throws IOException {
    space(h);
    PDImageXObject img = PDImageXObject.createFromByteArray(doc, png, "chart.png");
    page.drawImage(img, MARGIN, y - h, w, h);
    y -= h;
  }

  private void text(float x, float baseline, String s, float size) throws IOException {
    page.beginText();
    page.setFont(font, size);
    page.newLineAtOffset(x, baseline);
    page.showText(clean(s));
    page.endText();
  }

  private String fit(String s, float maxWidth) throws IOException {
    return fit(s, maxWidth, LIST_SIZE);
  }

  /** The text, cut with an ellipsis where it would pass the width. */
  private String fit(String s, float maxWidth, float size) throws IOException {
    String t = clean(s);
    if (width(t, size) <= maxWidth) {
      return t;
    }
    int end = t.length();
    while (end > 0 && width(t.substring(0, end) + "…", size) > maxWidth) {
      end = Math.max(0, end - Math.max(1, (end / 10)));
    }
    return t.substring(0, end) + "…";
  }

  private float width(String s, float size) throws IOException {
    return font.getStringWidth(s) / 1000 * size;
  }

  /** One line of text the font can show: controls become spaces, missing glyphs '?'. */
  private String clean(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(s.length());
    s.codePoints()
        .forEach(
            cp -> {
              if (Character.isWhitespace(cp) || Character.isISOControl(cp)) {
                b.append(' ');
              } else if (glyphs.computeIfAbsent(cp, this::printable)) {
                b.appendCodePoint(cp);
              } else {
                b.append('?');
              }
            });
    return b.toString();
  }

  private boolean printable(int cp) {
    try {
      font.encode(new String(Character.toChars(cp)));
      return true;
    } catch (IOException | IllegalArgumentException e) {
      return false;
    }
  }
}
