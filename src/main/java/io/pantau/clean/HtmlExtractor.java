package io.pantau.clean;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;

/**
 * Finds the story inside an HTML page: drops chrome containers (navigation, comments, related
 * links, footers, asides and whatever their class or id names as such), then scores the remaining
 * containers by the text they hold (length and commas, discounted by link density, with a bonus for
 * {@code <article>} and article-like names) and keeps the best one's blocks.
 *
 * <p>The text outside the chosen container is returned too: footers carry the rights notice, and
 * headers the byline and the date.
 */
final class HtmlExtractor {

  /** The story blocks and what surrounds them. */
  record Extracted(List<Block> content, List<String> before, List<String> outside) {}

  private static final Set<String> BLOCK_TAGS =
      Set.of(
          "p",
          "div",
          "section",
          "article",
          "main",
          "header",
          "footer",
          "aside",
          "nav",
          "ul",
          "ol",
          "li",
          "h1",
          "h2",
          "h3",
          "h4",
          "h5",
          "h6",
          "blockquote",
          "pre",
          "figure",
          "figcaption",
          "table",
          "thead",
          "tbody",
          "tfoot",
          "tr",
          "td",
          "th",
          "dl",
          "dt",
          "dd",
          "address",
          "hr",
          "center",
          "details",
          "summary",
          "form",
          "fieldset",
          "body");

  /** Share of the best container's prose an ancestor must add to be taken instead. */
  private static final double WIDEN_SHARE = 0.15;

  private static final double WIDEN_MAX_LINKS = 0.35;

  private static final Set<String> HEADINGS = Set.of("h1", "h2", "h3", "h4", "h5", "h6");

  /** Cells and items: short by nature, so kept inside the story without the prose test. */
  private static final Set<String> ITEMS = Set.of("li", "td", "th", "dd", "dt");

  /** The tag of the mark left where chrome with some text was removed. */
  private static final String GAP = "pantau-gap";

  /** Text a removed box must have held to leave a gap mark (an ad label leaves none). */
  private static final int GAP_MIN_CHARS = 30;

  /** Longest heading read as a section label ("Related articles"); longer ones are leads. */
  private static final int LABEL_MAX_CHARS = 80;

  /** Longest text of a sign-up or author box. */
  private static final int BOX_MAX_CHARS = 400;

  /** Fewest siblings that make a run of teaser cards, and the longest text of one card. */
  private static final int CARD_MIN_RUN = 3;

  private static final int CARD_MAX_CHARS = 600;

  /** Longest text of one cell of a data-table row that is read as one line. */
  private static final int CELL_MAX_CHARS = 200;

  /** Longest text taken for a caption when an image sits next to it without a figcaption. */
  private static final int CAPTION_MAX_CHARS = 300;

  private static final String NOISE =
      "script, style, noscript, template, iframe, svg, canvas, button, input, select, textarea,"
          + " object, embed, link, meta";

  private static final Set<String> CHROME_TAGS = Set.of("nav", "aside");

  private static final Set<String> CHROME_ROLES =
      Set.of("navigation", "complementary", "banner", "contentinfo");

  private static final String STORY = "article, main, [itemprop=articleBody], h1";

  private final Rules rules;

  HtmlExtractor(Rules rules) {
    this.rules = rules;
  }

  /**
   * Extracts the story of a whole page, or every block of a fragment when {@code wholePage} is
   * false (a body posted as HTML is already the story).
   */
  Extracted extract(Document doc, boolean wholePage) {
    Element body = doc.body();
    List<String> removed = new ArrayList<>();
    if (wholePage) {
      dropSignUpBoxes(body, removed);
    }
    body.select(Selectors.of(NOISE)).remove();
    int bodyChars = Math.max(1, body.text().length());
    Map<Element, Integer> prose = wholePage ? proseByElement(body) : Map.of();
    int bodyProse = Math.max(1, prose.getOrDefault(body, 0));
    List<Element> chrome = new ArrayList<>();
    body.filter(
        new NodeFilter() {
          @Override
          public FilterResult head(Node node, int depth) {
            if (!(node instanceof Element e) || e == body || !isChrome(e)) {
              return FilterResult.CONTINUE;
            }
            if (e.selectFirst(Selectors.of(STORY)) != null
                || e.text().length() * 10 > bodyChars * 6
                || holdsTheStory(e, prose, bodyProse)) {
              return FilterResult.CONTINUE;
            }
            chrome.add(e);
            return FilterResult.SKIP_ENTIRELY;
          }

          @Override
          public FilterResult tail(Node node, int depth) {
            return FilterResult.CONTINUE;
          }
        });
    for (Element e : chrome) {
      cut(e, removed);
    }
    if (wholePage) {
      dropAuthorBoxes(body, removed);
    }
    List<Piece> all = new ArrayList<>();
    new Walker(all).walk(body, false);
    List<Piece> pieces = wholePage ? withoutCards(body, all, removed) : all;
    Element best = wholePage ? best(body, pieces) : body;
    List<Block> content = new ArrayList<>();
    List<String> before = new ArrayList<>();
    List<String> outside = new ArrayList<>(removed);
    // A heading waits for what follows it: one that leads into a link list, or into removed
    // chrome with nothing of the story after it ("Related articles", "Was this helpful?"), goes
    // with them; an ad box removed between a heading and its paragraph does not take it.
    Piece heading = null;
    boolean gapped = false;
    for (Piece p : pieces) {
      if (p.text().isEmpty()) {
        gapped = heading != null;
        continue;
      }
      if (within(p.owner(), best)) {
        boolean links = p.linkChars() * 2 > p.text().length() && !p.caption();
        if (heading != null) {
          boolean label = heading.text().length() <= LABEL_MAX_CHARS;
          if (label && (links || gapped && p.heading())) {
            outside.add(heading.text());
          } else {
            content.add(new Block(heading.text(), false, true, heading.item()));
          }
          heading = null;
          gapped = false;
        }
        if (links) {
          // mostly links: never body, but a credit line links its names ("Penulis: <a>...</a>")
          outside.addAll(List.of(p.text().split("\n")));
          continue;
        }
        if (p.heading() && !p.caption()) {
          heading = p;
          continue;
        }
        content.add(new Block(p.text(), p.caption() || p.beside(), p.heading(), p.item()));
      } else if (p.caption()) {
        // a lead photo often sits above the text container; its caption still belongs to the story
        content.add(new Block(p.text(), true, false));
      } else {
        List<String> ls = List.of(p.text().split("\n"));
        outside.addAll(ls);
        if (content.isEmpty()) {
          before.addAll(ls);
        }
      }
    }
    if (heading != null) {
      if (gapped && heading.text().length() <= LABEL_MAX_CHARS) {
        outside.add(heading.text());
      } else {
        content.add(new Block(heading.text(), false, true, heading.item()));
      }
    }
    return new Extracted(content, before, outside);
  }

  /**
   * Removes a chrome element, keeping its lines for credits and rights; one that held some text
   * leaves a gap mark, so that a heading just above it is known to lead into chrome.
   */
  private static void cut(Element e, List<String> removed) {
    List<String> ls = lines(e);
    removed.addAll(ls);
    int chars = 0;
    for (String l : ls) {
      chars += l.length();
    }
    if (chars >= GAP_MIN_CHARS && e.parent() != null) {
      e.replaceWith(new Element(GAP));
    } else {
      e.remove();
    }
  }

  /**
   * Whether a container named like chrome holds the story all the same: most of the page's prose,
   * in text that is not mostly links. A name says where a box sits in the layout ("sidebar",
   * "widget", "paywall"), not what it holds; names of other content ("comments") are never trusted.
   */
  private boolean holdsTheStory(Element e, Map<Element, Integer> prose, int bodyProse) {
    if (!namedAs(e, rules.htmlDrop) || namedAs(e, rules.htmlDropAlways)) {
      return false;
    }
    String tag = e.normalName();
    if (CHROME_TAGS.contains(tag) || tag.equals("footer")) {
      return false;
    }
    return prose.getOrDefault(e, 0) * 2 >= bodyProse;
  }

  /**
   * The characters of prose (pieces long enough to score, mostly not links, not headings) under
   * each element, from one walk of the page.
   */
  private Map<Element, Integer> proseByElement(Element body) {
    List<Piece> pieces = new ArrayList<>();
    new Walker(pieces).walk(body, false);
    Map<Element, Integer> out = new IdentityHashMap<>();
    Map<Element, Boolean> other = new IdentityHashMap<>();
    for (Piece p : pieces) {
      if (p.heading() || p.caption() || p.linkChars() * 2 > p.text().length()) {
        continue;
      }
      if (pieceScore(p) == 0 || underOtherContent(p.owner(), other)) {
        continue;
      }
      int len = p.text().length();
      for (Element e = p.owner(); e != null; e = e.parent()) {
        out.merge(e, len, Integer::sum);
      }
    }
    return out;
  }

  /**
   * Whether an element sits in navigation, an aside, a footer or a container named for other
   * content (comments): prose there is not the story's, so it does not count against it.
   */
  private boolean underOtherContent(Element owner, Map<Element, Boolean> memo) {
    for (Element e = owner; e != null; e = e.parent()) {
      Boolean known = memo.get(e);
      if (known == null) {
        String tag = e.normalName();
        known =
            CHROME_TAGS.contains(tag)
                || tag.equals("footer") && e.closest("article") == null
                || CHROME_ROLES.contains(e.attr("role"))
                || namedAs(e, rules.htmlDropAlways);
        memo.put(e, known);
      }
      if (known) {
        return true;
      }
    }
    return false;
  }

  /**
   * Removes sign-up boxes: the smallest container around an e-mail field or a short form, up to
   * {@value #BOX_MAX_CHARS} characters of text (a newsletter or alert offer is a sentence or two
   * next to its field; a form that wraps the whole page is left alone).
   */
  private static void dropSignUpBoxes(Element body, List<String> removed) {
    for (Element field : body.select(Selectors.of("form, input[type=email]"))) {
      if (field.parent() == null || field.text().length() > BOX_MAX_CHARS) {
        continue;
      }
      Element box = field;
      while (box.parent() != null
          && box.parent() != body
          && box.parent().text().length() <= BOX_MAX_CHARS) {
        box = box.parent();
      }
      cut(box, removed);
    }
  }

  /**
   * Removes author boxes: a short block with a portrait and a link marked as the author's ({@code
   * rel=author} or {@code itemprop=author}) that is not the headline's byline.
   */
  private static void dropAuthorBoxes(Element body, List<String> removed) {
    for (Element link : body.select(Selectors.of("a[rel~=author], [itemprop=author]"))) {
      if (link.parent() == null) {
        continue;
      }
      for (Element box = link.parent(); box != null && box != body; box = box.parent()) {
        int len = box.text().length();
        if (len > BOX_MAX_CHARS) {
          break;
        }
        if (box.selectFirst(Selectors.of("img")) != null
            && box.selectFirst(Selectors.of("h1, h2")) == null
            && len >= 80) {
          cut(box, removed);
          break;
        }
      }
    }
  }

  /**
   * Drops the pieces of teaser cards: three or more sibling elements of one tag and class, each
   * short, each with a link and a heading or an image, as related-post lists, tickers and card
   * grids are built. Left alone when the rest of the page has less than a third of the cards'
   * prose: then the page is a listing and the cards are its text.
   */
  private static List<Piece> withoutCards(Element body, List<Piece> pieces, List<String> removed) {
    Set<Element> cards = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Element parent : body.getAllElements()) {
      if (parent.childrenSize() < CARD_MIN_RUN) {
        continue;
      }
      Map<String, List<Element>> groups = new HashMap<>();
      for (Element child : parent.children()) {
        groups
            .computeIfAbsent(child.normalName() + "." + child.className(), k -> new ArrayList<>())
            .add(child);
      }
      for (List<Element> group : groups.values()) {
        if (group.size() < CARD_MIN_RUN) {
          continue;
        }
        List<Element> like = new ArrayList<>();
        for (Element c : group) {
          if (isCard(c)) {
            like.add(c);
          }
        }
        if (like.size() >= CARD_MIN_RUN && like.size() * 4 >= group.size() * 3) {
          cards.addAll(like);
        }
      }
    }
    if (cards.isEmpty()) {
      return pieces;
    }
    List<Piece> kept = new ArrayList<>();
    List<String> dropped = new ArrayList<>();
    int cardProse = 0;
    int allProse = 0;
    for (Piece p : pieces) {
      boolean inCard = false;
      for (Element e = p.owner(); e != null && !inCard; e = e.parent()) {
        inCard = cards.contains(e);
      }
      int prose = p.heading() || p.linkChars() * 2 > p.text().length() ? 0 : p.text().length();
      allProse += prose;
      if (inCard) {
        cardProse += prose;
        dropped.add(p.text());
        if (kept.isEmpty() || !kept.get(kept.size() - 1).text().isEmpty()) {
          kept.add(new Piece("", p.owner(), 0, false, false, false, false));
        }
      } else {
        kept.add(p);
      }
    }
    if ((allProse - cardProse) * 3 < cardProse) {
      return pieces;
    }
    for (String t : dropped) {
      removed.addAll(List.of(t.split("\n")));
    }
    return kept;
  }

  private static boolean isCard(Element e) {
    if (e.selectFirst(Selectors.of("a[href]")) == null
        || e.selectFirst(Selectors.of("h1, h2, h3, h4, h5, h6, img, picture")) == null) {
      return false;
    }
    return textLength(e, CARD_MAX_CHARS + 1) <= CARD_MAX_CHARS;
  }

  /** The length of an element's text, counted only up to {@code max}. */
  private static int textLength(Element e, int max) {
    int[] n = {0};
    e.filter(
        new NodeFilter() {
          @Override
          public FilterResult head(Node node, int depth) {
            if (node instanceof TextNode t) {
              n[0] += t.text().strip().length();
            }
            return n[0] > max ? FilterResult.STOP : FilterResult.CONTINUE;
          }

          @Override
          public FilterResult tail(Node node, int depth) {
            return FilterResult.CONTINUE;
          }
        });
    return n[0];
  }

  private boolean isChrome(Element e) {
    String tag = e.normalName();
    if (tag.equals("footer") || tag.equals("header")) {
      // an article's own header and footer carry its title, byline and credits
      return tag.equals("footer") && e.closest("article") == null;
    }
    // checked by hand: a selector match walks to the root, costly on deeply nested pages
    if (CHROME_TAGS.contains(tag)
        || CHROME_ROLES.contains(e.attr("role"))
        || e.attr("aria-hidden").equals("true")) {
      return true;
    }
    if (HEADINGS.contains(tag) || tag.equals("p")) {
      // layout names on a heading or a paragraph are anchors and styles ("nav_what_changed" of a
      // table of contents); only names of other content ("standfirst") count there
      return namedAs(e, rules.htmlDropAlways);
    }
    return namedAs(e, rules.htmlDrop);
  }

  private static boolean namedAs(Element e, Set<String> tokens) {
    String names = (e.className() + " " + e.id()).toLowerCase(Locale.ROOT).trim();
    if (names.isEmpty()) {
      return false;
    }
    for (String whole : names.split("\\s+")) {
      if (tokens.contains(whole)) {
        return true;
      }
      for (String part : whole.split("[-_]+")) {
        if (tokens.contains(part)) {
          return true;
        }
      }
    }
    return false;
  }

  private Element best(Element body, List<Piece> pieces) {
    Element marked = marked(body);
    if (marked != null && marked.text().length() >= 140) {
      return marked;
    }
    Map<Element, Double> scores = new IdentityHashMap<>();
    for (Piece p : pieces) {
      double s = pieceScore(p);
      if (p.heading() || p.caption() || s == 0) {
        continue;
      }
      Element up = p.owner().parent();
      for (int level = 1; up != null && level <= 3; level++, up = up.parent()) {
        scores.merge(up, s / level, Double::sum);
      }
    }
    Element best = body;
    double bestScore = 0;
    for (Map.Entry<Element, Double> e : scores.entrySet()) {
      double s = e.getValue() * (1 - linkDensity(e.getKey())) * weight(e.getKey());
      if (s > bestScore) {
        bestScore = s;
        best = e.getKey();
      }
    }
    return widen(best, body, pieces);
  }

  /**
   * The element marked as the article body, when the mark is unambiguous: one such element, or one
   * with three times the text of any other. Listing pages mark every teaser's excerpt.
   */
  private static Element marked(Element body) {
    Element first = null;
    Element longest = null;
    int longestLen = 0;
    int secondLen = 0;
    for (Element e : body.select(Selectors.of("[itemprop=articleBody]"))) {
      if (first == null) {
        first = e;
      }
      int len = e.text().length();
      if (len > longestLen) {
        secondLen = longestLen;
        longestLen = len;
        longest = e;
      } else if (len > secondLen) {
        secondLen = len;
      }
    }
    if (first == null || longest == first && secondLen == 0) {
      return first;
    }
    return longestLen >= secondLen * 3 ? longest : null;
  }

  /**
   * Climbs from the best container while an ancestor adds prose of its own: a story split over
   * sibling columns ("StoryBodyCompanionColumn") scores each column apart, yet is one story.
   * Wrappers that add nothing are climbed through; a link-dense ancestor stops the climb.
   */
  private static Element widen(Element best, Element body, List<Piece> pieces) {
    Element chosen = best;
    double base = prose(best, pieces);
    Element up = best;
    int added = 0;
    for (int level = 0; level < 10 && added < 4 && up != body && up.parent() != null; level++) {
      up = up.parent();
      double extra = prose(up, pieces) - prose(chosen, pieces);
      if (extra <= 0) {
        // a wrapper that adds nothing does not count against the climb
        continue;
      }
      added++;
      if (extra < base * WIDEN_SHARE || linkDensity(up) > WIDEN_MAX_LINKS) {
        break;
      }
      chosen = up;
    }
    return chosen;
  }

  /** The score of the link-poor prose pieces inside an element. */
  private static double prose(Element e, List<Piece> pieces) {
    double total = 0;
    for (Piece p : pieces) {
      if (!p.heading()
          && !p.caption()
          && p.linkChars() * 2 <= p.text().length()
          && within(p.owner(), e)) {
        total += pieceScore(p);
      }
    }
    return total;
  }

  private static double pieceScore(Piece p) {
    int len = p.text().length();
    return len < 25 ? 0 : 1 + count(p.text(), ',') + Math.min(len / 100.0, 3);
  }

  private double weight(Element e) {
    double w = 1;
    if (e.normalName().equals("article")) {
      w *= 1.3;
    }
    if (namedAs(e, rules.htmlKeep)) {
      w *= 1.2;
    }
    return w;
  }

  private static double linkDensity(Element e) {
    int all = e.text().length();
    if (all == 0) {
      return 0;
    }
    int links = 0;
    for (Element a : e.select(Selectors.of("a"))) {
      links += a.text().length();
    }
    return Math.min(1, (double) links / all);
  }

  private static boolean within(Element e, Element ancestor) {
    for (Element x = e; x != null; x = x.parent()) {
      if (x == ancestor) {
        return true;
      }
    }
    return false;
  }

  private static int count(String s, char c) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == c || s.charAt(i) == '\u3001' || s.charAt(i) == '\uff0c') {
        n++;
      }
    }
    return n;
  }

  private static List<String> lines(Element e) {
    List<Piece> pieces = new ArrayList<>();
    new Walker(pieces).walk(e, false);
    List<String> out = new ArrayList<>();
    for (Piece p : pieces) {
      if (!p.text().isEmpty()) {
        out.addAll(List.of(p.text().split("\n")));
      }
    }
    return out;
  }

  /** Text gathered from one block element's inline content. */
  private record Piece(
      String text,
      Element owner,
      int linkChars,
      boolean caption,
      boolean beside,
      boolean heading,
      boolean item) {}

  /**
   * Turns a tree into pieces: inline runs between block boundaries, with {@code <br>} as '\n'. A
   * run split at blank lines ({@code <br><br>}) makes one piece per visual paragraph, each charged
   * only with the link text it holds. The cells of a table row that hold no blocks make one piece.
   */
  private static final class Walker {
    private final List<Piece> out;
    private final StringBuilder run = new StringBuilder();

    /** Start and end offsets in {@link #run} of link text, in pairs. */
    private int[] links = new int[8];

    private int linkCount;

    Walker(List<Piece> out) {
      this.out = out;
    }

    void walk(Element el, boolean caption) {
      walk(el, caption, false);
    }

    private void walk(Element el, boolean caption, boolean item) {
      String tag = el.normalName();
      boolean cap = caption || tag.equals("figcaption");
      boolean it = item || ITEMS.contains(tag);
      if (tag.equals("tr") && flatRow(el)) {
        row(el, cap);
        return;
      }
      children(el, el, cap, it, false);
      flush(el, cap, it);
    }

    /**
     * A row of a data table: two or more cells, each a short run of inline text. Layout tables (a
     * menu cell beside a story cell) have line breaks, blocks or long text in their cells.
     */
    private static boolean flatRow(Element tr) {
      if (tr.childrenSize() < 2) {
        return false;
      }
      for (Element cell : tr.children()) {
        for (Element d : cell.getAllElements()) {
          if (d != cell && (d.normalName().equals("br") || BLOCK_TAGS.contains(d.normalName()))) {
            return false;
          }
        }
        if (textLength(cell, CELL_MAX_CHARS + 1) > CELL_MAX_CHARS) {
          return false;
        }
      }
      return true;
    }

    private void row(Element tr, boolean caption) {
      boolean first = true;
      for (Element cell : tr.children()) {
        int mark = run.length();
        children(tr, cell, caption, true, false);
        if (run.length() > mark && !run.substring(mark).isBlank()) {
          if (!first) {
            run.insert(mark, " | ");
            shiftLinks(mark, 3);
          }
          first = false;
        }
      }
      flush(tr, caption, true);
    }

    private void shiftLinks(int from, int by) {
      for (int k = 0; k < linkCount * 2; k++) {
        if (links[k] >= from) {
          links[k] += by;
        }
      }
    }

    private void children(
        Element owner, Element el, boolean caption, boolean item, boolean inLink) {
      for (Node child : el.childNodes()) {
        if (child instanceof TextNode t) {
          String text = t.text();
          int start = run.length();
          run.append(text);
          if (inLink) {
            addLink(start, run.length());
          }
        } else if (child instanceof Element c) {
          String tag = c.normalName();
          if (tag.equals("br")) {
            run.append('\n');
          } else if (tag.equals(GAP)) {
            flush(owner, caption, item);
            out.add(new Piece("", owner, 0, false, false, false, false));
          } else if (BLOCK_TAGS.contains(tag)) {
            flush(owner, caption, item);
            walk(c, caption, item);
          } else {
            children(owner, c, caption, item, inLink || tag.equals("a"));
          }
        }
      }
    }

    private void addLink(int start, int end) {
      if (linkCount * 2 + 2 > links.length) {
        links = java.util.Arrays.copyOf(links, links.length * 2);
      }
      links[linkCount * 2] = start;
      links[linkCount * 2 + 1] = end;
      linkCount++;
    }

    /** Link characters (not spaces) of the run between two offsets. */
    private int linkChars(String text, int from, int to) {
      int n = 0;
      for (int k = 0; k < linkCount; k++) {
        int a = Math.max(from, links[k * 2]);
        int b = Math.min(to, links[k * 2 + 1]);
        for (int i = a; i < b; i++) {
          if (!Character.isWhitespace(text.charAt(i))) {
            n++;
          }
        }
      }
      return n;
    }

    private void flush(Element owner, boolean caption, boolean item) {
      String text = run.toString();
      run.setLength(0);
      boolean heading = HEADINGS.contains(owner.normalName());
      boolean beside = !caption && (besideImage(owner) || inFigure(owner));
      int[] bounds = Texts.paragraphBounds(text);
      for (int k = 0; k < bounds.length; k += 2) {
        String clean = Texts.lines(text.substring(bounds[k], bounds[k + 1]));
        if (!clean.isEmpty()) {
          int lc = linkCount == 0 ? 0 : linkChars(text, bounds[k], bounds[k + 1]);
          out.add(
              new Piece(
                  clean,
                  owner,
                  Math.min(lc, clean.length()),
                  caption,
                  beside && !heading && clean.length() <= CAPTION_MAX_CHARS,
                  heading,
                  item));
        }
      }
      linkCount = 0;
    }

    /**
     * Whether a block's text is the caption of an image without a figcaption: the block holds an
     * image and its text sits in inline elements beside it, or the block follows an image that is
     * its only sibling.
     */
    private static boolean besideImage(Element owner) {
      String tag = owner.normalName();
      if (HEADINGS.contains(tag) || tag.equals("body") || ITEMS.contains(tag)) {
        return false;
      }
      boolean image = false;
      for (Node n : owner.childNodes()) {
        if (n instanceof TextNode t && !t.isBlank()) {
          return false;
        }
        if (n instanceof Element c && isImage(c)) {
          image = true;
        }
      }
      if (image) {
        return true;
      }
      Element parent = owner.parent();
      Element prev = owner.previousElementSibling();
      return parent != null && prev != null && parent.childrenSize() == 2 && isImage(prev);
    }

    private static boolean inFigure(Element e) {
      for (Element x = e; x != null; x = x.parent()) {
        if (x.normalName().equals("figure")) {
          return true;
        }
      }
      return false;
    }

    private static boolean isImage(Element e) {
      String tag = e.normalName();
      if (tag.equals("img") || tag.equals("picture")) {
        return true;
      }
      return tag.equals("a") && e.childrenSize() == 1 && e.text().isBlank() && isImage(e.child(0));
    }
  }
}
