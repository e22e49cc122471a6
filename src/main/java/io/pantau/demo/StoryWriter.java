package io.pantau.demo;

import io.pantau.article.SentimentLabel;
import io.pantau.demo.Lexicon.Template;
import io.pantau.demo.Story.Kind;
import io.pantau.demo.Story.Paragraph;
import io.pantau.text.Words;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/** Writes the text of one story from the templates of its topic and the generic ones. */
final class StoryWriter {
  /** Quotes give wire copy its rhythm; roughly one paragraph in four is one. */
  private static final double QUOTE_SHARE = 0.25;

  /** A neutral story still quotes someone pleased or worried now and then. */
  private static final double NEUTRAL_KEEPS_TONED = 0.2;

  /** Words a republisher's attribution ("seperti dilaporkan ANTARA") may add to the lead. */
  private static final int REWORD_ROOM = 10;

  private StoryWriter() {}

  static Story write(
      Scene s, SentimentLabel tone, String dateline, String credits, int minWords, int maxWords) {
    SplittableRandom rng = s.rng;
    String topic = s.topic.name();
    Template leadTemplate =
        s.pick(fitting(s.texts.templates(s.texts.topics(), topic + ".lead"), tone, rng));
    List<Template> allTitles = s.texts.templates(s.texts.topics(), topic + ".title");
    // A headline of the lead's own tone usually tells the same angle of the story.
    List<Template> matching =
        allTitles.stream().filter(t -> t.tone() == leadTemplate.tone()).toList();
    String title =
        stripStop(
            s.sentence(
                s.pick(matching.isEmpty() ? fitting(allTitles, tone, rng) : matching).text()));
    Set<String> related = new LinkedHashSet<>();
    for (int i = 0; i < 12 && related.size() < 4; i++) {
      String other = stripStop(s.sentence(s.pick(allTitles).text()));
      if (!other.equals(title)) {
        related.add(other);
      }
    }
    String lead = s.sentence(leadTemplate.text());

    List<Template> body = new ArrayList<>(s.texts.templates(s.texts.topics(), topic + ".body"));
    body.addAll(s.texts.templates(s.texts.generic(), "body"));
    List<Template> bodyPool = fitting(body, tone, rng);
    Deque<Template> sentences = new ArrayDeque<>();
    List<Template> quoteLines =
        new ArrayList<>(s.texts.templates(s.texts.topics(), topic + ".quote"));
    quoteLines.addAll(s.texts.templates(s.texts.generic(), "quote"));
    // Each quote at most once per story: a speaker repeating themselves reads as a bug.
    Deque<Template> quotes = new ArrayDeque<>();
    deal(quotes, fitting(quoteLines, tone, rng), rng);
    List<String> frames = s.texts.generic().require("quote.frame");

    // A syndicated copy rewords the lead and may add a short attribution; leave it room.
    int ceiling = Math.max(minWords, maxWords - REWORD_ROOM);
    int target = minWords + rng.nextInt(ceiling - minWords + 1);
    int words = Words.count(lead);
    List<Paragraph> paragraphs = new ArrayList<>();
    int misses = 0;
    while ((words < minWords || (words < target && misses < 6)) && misses < 200) {
      Set<String> introduced = s.introduced();
      String text;
      Kind kind;
      if (!quotes.isEmpty() && rng.nextDouble() < QUOTE_SHARE) {
        s.extra.put("q", s.line(quotes.poll().text()));
        text = s.sentence(s.pick(frames));
        kind = Kind.QUOTE;
      } else {
        int n = 1 + rng.nextInt(3);
        StringBuilder p = new StringBuilder();
        for (int i = 0; i < n; i++) {
          p.append(p.length() == 0 ? "" : " ")
              .append(s.sentence(deal(sentences, bodyPool, rng).text()));
        }
        text = p.toString();
        kind = Kind.TEXT;
      }
      int w = Words.count(text);
      if (words + w > ceiling) {
        // Dropped text must not count as having introduced anyone.
        s.restoreIntroduced(introduced);
        misses++;
        continue;
      }
      words += w;
      paragraphs.add(new Paragraph(kind, text));
    }
    insertAsides(s, paragraphs, List.copyOf(related));
    return new Story(
        s, tone, title, dateline, lead, List.copyOf(paragraphs), credits, List.copyOf(related));
  }

  /** Captions and "read also" lines sit between paragraphs, never first. */
  private static void insertAsides(Scene s, List<Paragraph> paragraphs, List<String> related) {
    int captions = s.rng.nextInt(3);
    for (int i = 0; i < captions && paragraphs.size() > 2; i++) {
      String caption = s.sentence(s.pick(s.texts.topics().require(s.topic.name() + ".caption")));
      paragraphs.add(
          1 + s.rng.nextInt(paragraphs.size() - 1), new Paragraph(Kind.CAPTION, caption));
    }
    int links = s.rng.nextInt(3);
    for (int i = 0; i < links && i < related.size() && paragraphs.size() > 3; i++) {
      paragraphs.add(
          2 + s.rng.nextInt(paragraphs.size() - 2), new Paragraph(Kind.RELATED, related.get(i)));
    }
  }

  /** Deals templates without repeats until the pool is used up, then reshuffles. */
  private static Template deal(Deque<Template> deck, List<Template> pool, SplittableRandom rng) {
    if (deck.isEmpty()) {
      List<Template> shuffled = new ArrayList<>(pool);
      for (int i = shuffled.size() - 1; i > 0; i--) {
        int j = rng.nextInt(i + 1);
        Template t = shuffled.get(i);
        shuffled.set(i, shuffled.get(j));
        shuffled.set(j, t);
      }
      deck.addAll(shuffled);
    }
    return deck.poll();
  }

  private static List<Template> fitting(
      List<Template> all, SentimentLabel tone, SplittableRandom rng) {
    List<Template> out = new ArrayList<>();
    for (Template t : all) {
      boolean fits =
          switch (tone) {
            case positive -> t.tone() >= 0;
            case negative -> t.tone() <= 0;
            case neutral -> t.tone() == 0 || rng.nextDouble() < NEUTRAL_KEEPS_TONED;
          };
      if (fits) {
        out.add(t);
      }
    }
    return out.isEmpty() ? all : out;
  }

  private static String stripStop(String title) {
    return title.endsWith(".") ? title.substring(0, title.length() - 1) : title;
  }
}
