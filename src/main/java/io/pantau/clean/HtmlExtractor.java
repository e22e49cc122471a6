package io.pantau.clean;

import java.util.ArrayList;
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
    body.select(Selectors.of(NOISE)).remove();
    List<String> removed = new ArrayList<>();
    int bodyChars = Math.max(1, body.text().length());
    body.filter(
        new NodeFilter() {
          @Override
          public FilterResult head(Node node, int depth) {
            if (!(node instanceof Element e) || e == body || !isChrome(e)) {
              return FilterResult.CONTINUE;
            }
            if (e.selectFirst(Selectors.of(STORY)) != null
                || e.text().length() * 10 > bodyChars * 6) {
              return FilterResult.CONTINUE;
            }
            removed.addAll(lines(e));
            return FilterResult.REMOVE;
          }

          @Override
          public FilterResult tail(Node node, int depth) {
            return FilterResult.CONTINUE;
          }
        });
    List<Piece> pieces = new ArrayList<>();
    new Walker(pieces).walk(body, false);
    Element best = wholePage ? best(body, pieces) : body;
    List<Block> content = new ArrayList<>();
    List<String> before = new ArrayList<>();
    List<String> outside = new ArrayList<>(removed);
    for (Piece p : pieces) {
      if (within(p.owner(), best)) {
        if (p.linkChars() * 2 > p.text().length() && !p.caption()) {
          // mostly links: never body, but a credit line links its names ("Penulis: <a>...</a>")
          outside.addAll(List.of(p.text().split("\n")));
          continue;
        }
        content.add(new Block(p.text(), p.caption(), p.heading()));
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
    return new Extracted(content, before, outside);
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
    Element marked = body.selectFirst(Selectors.of("[itemprop=articleBody]"));
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
   * Climbs from the best container while an ancestor adds prose of its own: a story split over
   * sibling columns ("StoryBodyCompanionColumn") scores each column apart, yet is one story.
   * Wrappers that add nothing are climbed through; a link-dense ancestor stops the climb.
   */
  private static Element widen(Element best, Element body, List<Piece> pieces) {
    Element chosen = best;
    double base = prose(best, pieces);
    Element up = best;
    for (int level = 0; level < 4 && up != body && up.parent() != null; level++) {
      up = up.parent();
      double extra = prose(up, pieces) - prose(chosen, pieces);
      if (extra <= 0) {
        continue;
      }
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
      if (s.charAt(i) == c || s.charAt(i) == '\u3001') {
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
      out.addAll(List.of(p.text().split("\n")));
    }
    return out;
  }

  /** Text gathered from one block element's inline content. */
  private record Piece(
      String text, Element owner, int linkChars, boolean caption, boolean heading) {}

  /** Turns a tree into pieces: inline runs between block boundaries, with {@code <br>} as '\n'. */
  private static final class Walker {
    private final List<Piece> out;
    private final StringBuilder run = new StringBuilder();
    private int linkChars;

    Walker(List<Piece> out) {
      this.out = out;
    }

    void walk(Element el, boolean caption) {
      boolean cap = caption || el.normalName().equals("figcaption");
      children(el, el, cap, false);
      flush(el, cap);
    }

    private void children(Element owner, Element el, boolean caption, boolean inLink) {
      for (Node child : el.childNodes()) {
        if (child instanceof TextNode t) {
          String text = t.text();
          run.append(text);
          if (inLink) {
            linkChars += text.strip().length();
          }
        } else if (child instanceof Element c) {
          String tag = c.normalName();
          if (tag.equals("br")) {
            run.append('\n');
          } else if (BLOCK_TAGS.contains(tag)) {
            flush(owner, caption);
            walk(c, caption);
          } else {
            children(owner, c, caption, inLink || tag.equals("a"));
          }
        }
      }
    }

    private void flush(Element owner, boolean caption) {
      String text = run.toString();
      int links = linkChars;
      run.setLength(0);
      linkChars = 0;
      boolean heading = HEADINGS.contains(owner.normalName());
      for (String para : Texts.splitAtBlankLines(text, true)) {
        String clean = Texts.lines(para);
        if (!clean.isEmpty()) {
          out.add(new Piece(clean, owner, Math.min(links, clean.length()), caption, heading));
        }
      }
    }
  }
}
