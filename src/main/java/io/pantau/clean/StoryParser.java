package io.pantau.clean;

import io.pantau.text.Words;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sorts the blocks of a story into title, body paragraphs, captions, credits, rights notices, date
 * lines and chrome, line by line, using {@link Rules}. Knows nothing of HTML: both input paths hand
 * it blocks.
 */
final class StoryParser {

  /** Longest line still taken for chrome or a credit; longer lines are prose. */
  private static final int MAX_META_LINE = 220;

  private static final int MAX_TITLE = 250;

  private static final int MAX_CAPTION = 500;

  private static final int MAX_OPENING = 1000;

  /** Everything read from the blocks, before dates are resolved. */
  record Story(
      String title,
      List<String> paragraphs,
      List<String> captions,
      String place,
      String agency,
      String datelineDate,
      String reporter,
      String editor,
      String photographer,
      List<String> copyright,
      List<String> aiProhibited,
      List<String> aiAllowed,
      List<String> dateLines,
      List<String> metaLines,
      String opening) {
    Story {
      paragraphs = List.copyOf(paragraphs);
      captions = List.copyOf(captions);
      copyright = List.copyOf(copyright);
      aiProhibited = List.copyOf(aiProhibited);
      aiAllowed = List.copyOf(aiAllowed);
      dateLines = List.copyOf(dateLines);
      metaLines = List.copyOf(metaLines);
    }
  }

  private enum Kind {
    TEXT,
    CHROME,
    COPYRIGHT,
    AI_PROHIBITED,
    AI_ALLOWED,
    CREDIT,
    PHOTO_CREDIT,
    DATE
  }

  private final Rules rules;
  private final Dates dates;

  StoryParser(Rules rules, Dates dates) {
    this.rules = rules;
    this.dates = dates;
  }

  /**
   * Reads a story.
   *
   * @param content the blocks that may hold the story, in order
   * @param around lines outside the story (page header and footer): read for credits, rights and
   *     dates, never kept as body
   * @param before the part of {@code around} that precedes the story, where its date is printed
   * @param knownTitle a title given by the caller or the page metadata, or null
   */
  Story parse(List<Block> content, List<String> around, List<String> before, String knownTitle) {
    Acc acc = new Acc();
    List<Block> candidates = new ArrayList<>();
    for (Block block : content) {
      List<String> kept = new ArrayList<>();
      String photoCredit = null;
      for (String line : block.text().split("\n")) {
        Kind kind = classify(line, acc);
        if (kind == Kind.TEXT) {
          kept.add(line);
        } else if (kind == Kind.DATE) {
          acc.dateLines.add(line);
        } else if (kind == Kind.PHOTO_CREDIT) {
          photoCredit = Texts.space(line);
        }
      }
      if (kept.isEmpty()) {
        continue;
      }
      String para = String.join(" ", kept);
      if (photoCredit != null && !block.heading() && para.length() <= MAX_CAPTION) {
        // the lines above a credit line are the photo's caption, as wire copy prints them
        acc.captions.add(para + " " + photoCredit);
      } else if (block.caption()) {
        // the markup already says caption; the rules are asked only for the photo credit
        isCaption(para, acc);
        acc.captions.add(para);
      } else if (!block.heading() && isCaption(para, acc)) {
        acc.captions.add(para);
      } else {
        candidates.add(new Block(para, false, block.heading(), block.item()));
      }
    }
    // The page around the story is read after it: the story's own credits and rights are the
    // more specific ones (an article's "Copyright © ANTARA" over the site footer's).
    List<String> headerDates = new ArrayList<>();
    for (String line : around) {
      Kind kind = classify(line, acc);
      if (kind == Kind.DATE && before.contains(line)) {
        headerDates.add(line);
      }
    }
    acc.dateLines.addAll(0, headerDates);
    String title = Texts.blankToNull(Texts.space(knownTitle));
    if (title == null) {
      title = titleFrom(candidates);
    }
    dropTitleCopies(candidates, title);
    StringBuilder opening = new StringBuilder();
    String[] dateline = dateline(candidates, opening);
    List<String> paragraphs = body(candidates);
    return new Story(
        title,
        paragraphs,
        dedupe(acc.captions),
        dateline[0],
        dateline[1],
        dateline[2],
        acc.reporter,
        acc.editor,
        acc.photographer != null
            ? acc.photographer
            : acc.photographers.isEmpty() ? null : String.join(", ", acc.photographers),
        acc.copyright,
        acc.aiProhibited,
        acc.aiAllowed,
        acc.dateLines,
        acc.metaLines,
        opening.toString());
  }

  /** Mutable state of one parse; never shared between threads. */
  private static final class Acc {
    /** The last line classified, scanned once: a one-line paragraph is asked about again. */
    Prefilter.Line lastLine;

    final List<String> captions = new ArrayList<>();
    final Set<String> photographers = new LinkedHashSet<>();
    final List<String> copyright = new ArrayList<>();
    final List<String> aiProhibited = new ArrayList<>();
    final List<String> aiAllowed = new ArrayList<>();
    final List<String> dateLines = new ArrayList<>();
    final List<String> metaLines = new ArrayList<>();
    String reporter;
    String editor;
    String photographer;
  }

  private Kind classify(String rawLine, Acc acc) {
    String line = Texts.space(rawLine);
    if (line.isEmpty()) {
      return Kind.CHROME;
    }
    if (line.length() > MAX_META_LINE * 3) {
      return Kind.TEXT;
    }
    Prefilter.Line l = new Prefilter.Line(line);
    acc.lastLine = l;
    if (matchesAny(rules.aiProhibited, l)) {
      acc.aiProhibited.add(line);
      if (startsAny(rules.copyright, l)) {
        acc.copyright.add(line);
      }
      if (matchesAny(rules.copyright, l)) {
        acc.copyright.add(line);
      }
      return Kind.AI_PROHIBITED;
    }
    if (line.length() <= MAX_META_LINE && matchesAny(rules.aiAllowed, l)) {
      acc.aiAllowed.add(line);
      return Kind.AI_ALLOWED;
    }
    if (line.length() <= MAX_META_LINE && matchesAny(rules.copyright, l)) {
      acc.copyright.add(line);
      return Kind.COPYRIGHT;
    }
    if (line.length() > MAX_META_LINE) {
      return Kind.TEXT;
    }
    String bare = unwrap(line);
    Prefilter.Line b = bare.equals(line) ? l : new Prefilter.Line(bare);
    if (startsAny(rules.reporter, b)
        || startsAny(rules.editor, b)
        || startsAny(rules.photographer, b)) {
      credits(bare, acc);
      return Kind.CREDIT;
    }
    if (matchesAny(rules.otherCredit, b)) {
      return Kind.CREDIT;
    }
    String shot = photoCreditLine(b);
    if (shot != null) {
      acc.photographers.add(shot);
      return Kind.PHOTO_CREDIT;
    }
    if (matchesAny(rules.chrome, l)) {
      acc.metaLines.add(line);
      return Kind.CHROME;
    }
    if (dates.isDateLine(l, ZoneOffset.UTC)) {
      acc.metaLines.add(line);
      return dates.isUpdateLine(l) ? Kind.CHROME : Kind.DATE;
    }
    return Kind.TEXT;
  }

  /** The photographer of a line that is only a photo credit ("EPA-EFE/Jane Doe"), or null. */
  private String photoCreditLine(Prefilter.Line line) {
    for (Pattern p : rules.photoCreditLines) {
      if (rules.matches(p, line)) {
        Matcher m = p.matcher(line.text());
        if (m.matches()) {
          return Texts.titleCase(Texts.space(m.group("photographer")));
        }
      }
    }
    return null;
  }

  private static String unwrap(String line) {
    String s = line;
    if (s.startsWith("(") && s.endsWith(")")) {
      s = s.substring(1, s.length() - 1).trim();
    }
    return s;
  }

  private void credits(String line, Acc acc) {
    if (acc.reporter == null) {
      acc.reporter = name(rules.reporter, line);
    }
    if (acc.editor == null) {
      acc.editor = name(rules.editor, line);
    }
    if (acc.photographer == null) {
      acc.photographer = name(rules.photographer, line);
    }
  }

  private String name(List<Pattern> patterns, String line) {
    Prefilter.Line l = new Prefilter.Line(line);
    for (Pattern p : patterns) {
      if (!rules.filter(p).admits(l)) {
        continue;
      }
      Matcher m = p.matcher(line);
      if (m.find()) {
        String n = Texts.space(m.group("name")).replaceAll("[\\s,;.:|-]+$", "");
        if (!n.isEmpty()) {
          return Texts.titleCase(n);
        }
      }
    }
    return null;
  }

  /** True when the rules take the paragraph for a caption; records its photographer if named. */
  private boolean isCaption(String para, Acc acc) {
    if (para.length() > MAX_CAPTION) {
      return false;
    }
    Prefilter.Line last = acc.lastLine;
    Prefilter.Line l = last != null && last.text().equals(para) ? last : new Prefilter.Line(para);
    for (Pattern p : rules.captions) {
      if (!rules.filter(p).admits(l)) {
        continue;
      }
      Matcher m = p.matcher(para);
      if (m.find()) {
        try {
          String who = m.group("photographer");
          if (who != null && !who.isBlank()) {
            acc.photographers.add(Texts.space(who));
          }
        } catch (IllegalArgumentException e) {
          // a label-only caption rule names no photographer
        }
        return true;
      }
    }
    return false;
  }

  private String titleFrom(List<Block> candidates) {
    if (candidates.size() < 2) {
      return null;
    }
    int pick = -1;
    for (int i = 0; i < candidates.size(); i++) {
      if (candidates.get(i).heading()) {
        pick = i;
        break;
      }
    }
    if (pick < 0) {
      pick = 0;
    }
    String t = candidates.get(pick).text();
    if (t.length() > MAX_TITLE || datelineMatch(t) != null || t.endsWith(".") && t.length() > 120) {
      return null;
    }
    candidates.remove(pick);
    return t;
  }

  private static void dropTitleCopies(List<Block> candidates, String title) {
    if (title == null) {
      return;
    }
    String key = Texts.key(title);
    candidates.removeIf(b -> Texts.keyEquals(b.text(), key));
  }

  private Matcher datelineMatch(String para) {
    Prefilter.Line l = new Prefilter.Line(para);
    for (Pattern p : rules.datelines) {
      if (!rules.filter(p).admits(l)) {
        continue;
      }
      Matcher m = p.matcher(para);
      if (m.lookingAt() && m.end() < para.length()) {
        String named = group(m, "agencyname");
        if (named != null && !isAgencyName(named)) {
          // "Kyiv, Ukraine -" is a place and its region; another rule may read it as such
          continue;
        }
        return m;
      }
    }
    return null;
  }

  /** Whether a name is an agency's: a listed agency, or a name with an agency word in it. */
  private boolean isAgencyName(String name) {
    String lower = name.toLowerCase(java.util.Locale.ROOT).trim();
    if (rules.agencies.containsKey(lower)) {
      return true;
    }
    for (String w : lower.split("[\\s.]+")) {
      if (rules.agencyWords.contains(w)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Strips the dateline from the first or second paragraph; returns place, agency, date. The
   * opening (both paragraphs as written) is kept apart for the date it may name.
   */
  private String[] dateline(List<Block> candidates, StringBuilder opening) {
    List<Integer> first = new ArrayList<>();
    for (int i = 0; i < candidates.size() && first.size() < 2; i++) {
      if (!candidates.get(i).heading()) {
        first.add(i);
        String text = candidates.get(i).text();
        // the wire day ("Senin (16/6)") sits in the first sentences; a cap keeps huge inputs cheap
        opening.append(text, 0, Math.min(text.length(), MAX_OPENING)).append('\n');
      }
    }
    for (int i : first) {
      Block b = candidates.get(i);
      Matcher m = datelineMatch(b.text());
      if (m == null) {
        continue;
      }
      String place = group(m, "place");
      String agency = group(m, "agency");
      if (agency == null) {
        agency = group(m, "agencyname");
      }
      if (agency == null && place != null && place.indexOf(',') > 0) {
        // "MANILA, Philippine News Agency -" read by the upper-case place rule
        String tail = place.substring(place.lastIndexOf(',') + 1).trim();
        if (isAgencyName(tail)) {
          agency = tail;
          place = place.substring(0, place.lastIndexOf(','));
        }
      }
      String rest = b.text().substring(m.end()).trim();
      candidates.set(i, new Block(rest, false, false));
      return new String[] {
        Texts.titleCase(place == null ? null : place.trim()), rules.agency(agency), group(m, "date")
      };
    }
    return new String[3];
  }

  private static String group(Matcher m, String name) {
    try {
      String v = m.group(name);
      return v == null || v.isBlank() ? null : v.trim();
    } catch (IllegalArgumentException e) {
      // rules choose which parts of a dateline they capture
      return null;
    }
  }

  /** Body paragraphs: headings kept only inside the story, stray short labels dropped. */
  private List<String> body(List<Block> candidates) {
    int firstProse = -1;
    int lastProse = -1;
    for (int i = 0; i < candidates.size(); i++) {
      if (isProse(candidates.get(i).text())) {
        firstProse = firstProse < 0 ? i : firstProse;
        lastProse = i;
      }
    }
    List<String> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < candidates.size(); i++) {
      Block b = candidates.get(i);
      String text = b.text();
      boolean inside = i >= firstProse && i <= lastProse;
      if (!isProse(text) && (!inside || !b.heading() && !b.item() && isLabel(text))) {
        continue;
      }
      if (seen.add(Texts.key(text))) {
        out.add(text);
      }
    }
    if (!out.isEmpty()) {
      String last = out.get(out.size() - 1);
      for (Pattern p : rules.stripEnd) {
        last = p.matcher(last).replaceAll("");
      }
      if (last.isBlank()) {
        out.remove(out.size() - 1);
      } else {
        out.set(out.size() - 1, last.trim());
      }
    }
    return out;
  }

  /**
   * A sentence or more: enough words, or a full stop. Scripts written without spaces between words
   * (Chinese, Japanese, Thai) count characters instead: a dozen of them carry about as much as a
   * few words of a spaced script, and {@code 。！？} end their sentences.
   */
  static boolean isProse(String text) {
    int words = Words.count(text, 8);
    if (words >= 8 || words >= 3 && endsWithAny(text, SENTENCE_ENDS)) {
      return true;
    }
    int dense = Texts.spacelessChars(text, PROSE_SPACELESS);
    return dense >= PROSE_SPACELESS || dense >= 10 && endsWithAny(text, SENTENCE_ENDS);
  }

  /** A few words without sentence punctuation: a menu item, a label, a counter. */
  static boolean isLabel(String text) {
    return Words.count(text, 5) < 5
        && !endsWithAny(text, ".!?\"”’:。！？：」』")
        && Texts.spacelessChars(text, 10) < 10;
  }

  private static final String SENTENCE_ENDS = ".!?\"”’)。！？」』）";

  /** Characters of a script without spaces that make prose on their own. */
  private static final int PROSE_SPACELESS = 25;

  /** True when the last character is one of those given (what "(?s).*[...]$" asked, by hand). */
  private static boolean endsWithAny(String text, String chars) {
    return !text.isEmpty() && chars.indexOf(text.charAt(text.length() - 1)) >= 0;
  }

  private static List<String> dedupe(List<String> items) {
    List<String> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (String s : items) {
      if (seen.add(Texts.key(s))) {
        out.add(s);
      }
    }
    return out;
  }

  private boolean matchesAny(List<Pattern> patterns, Prefilter.Line line) {
    for (Pattern p : patterns) {
      if (rules.matches(p, line)) {
        return true;
      }
    }
    return false;
  }

  private boolean startsAny(List<Pattern> patterns, Prefilter.Line line) {
    for (Pattern p : patterns) {
      if (rules.lookingAt(p, line)) {
        return true;
      }
    }
    return false;
  }
}
