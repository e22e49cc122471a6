package io.pantau.alerts;

import io.pantau.article.Article;
import io.pantau.monitor.Highlight;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a notification says, as the webhook receives it in JSON and the e-mail shows it.
 *
 * @param rule the rule that fired
 * @param kind match, digest, volume_spike or sentiment_shift
 * @param firedAt when it fired
 * @param articles the articles it is about (for spikes, samples from the window)
 * @param highlights why it matched: the query's clauses found in the articles, merged
 * @param stats the window and its baseline, for volume_spike and sentiment_shift
 */
public record AlertPayload(
    RuleRef rule,
    String kind,
    Instant firedAt,
    List<MatchedArticle> articles,
    List<Highlight> highlights,
    WindowStats stats) {

  public AlertPayload {
    articles = List.copyOf(articles);
    highlights = List.copyOf(highlights);
  }

  /** The rule as named in a notification. */
  public record RuleRef(long id, String name, AlertType type, String query) {}

  /** An article in a notification, with what the query found in it. */
  public record MatchedArticle(
      String id,
      String title,
      String url,
      String source,
      Instant published,
      String storyId,
      List<Highlight> highlights) {
    public MatchedArticle {
      highlights = highlights == null ? List.of() : List.copyOf(highlights);
    }

    static MatchedArticle of(Article a, List<Highlight> highlights) {
      return new MatchedArticle(
          a.id(), a.title(), a.url(), a.source(), a.published(), a.storyId(), highlights);
    }
  }

  /**
   * The evaluated window against its baseline.
   *
   * @param from start of the last window
   * @param to end of the last window
   * @param value the window's article count (volume) or average sentiment (sentiment)
   * @param baselineMean mean of the same measure over the baseline windows
   * @param baselineStddev its standard deviation
   * @param articles matching articles in the last window
   */
  public record WindowStats(
      Instant from,
      Instant to,
      double value,
      double baselineMean,
      double baselineStddev,
      long articles) {}

  /**
   * The clauses found in any of the articles, each with every field it was found in and every
   * inflection it matched.
   */
  static List<Highlight> merge(List<MatchedArticle> articles) {
    Map<String, List<String>> m = new LinkedHashMap<>();
    Map<String, List<String>> inflections = new LinkedHashMap<>();
    for (MatchedArticle a : articles) {
      for (Highlight h : a.highlights()) {
        List<String> fields = m.computeIfAbsent(h.text(), k -> new ArrayList<>());
        h.fields().stream().filter(f -> !fields.contains(f)).forEach(fields::add);
        List<String> words = inflections.computeIfAbsent(h.text(), k -> new ArrayList<>());
        h.inflections().stream().filter(w -> !words.contains(w)).forEach(words::add);
      }
    }
    List<Highlight> out = new ArrayList<>();
    m.forEach((text, fields) -> out.add(new Highlight(text, fields, inflections.get(text))));
    return out;
  }

  /** Article ids, comma-separated, for the event record. */
  String articleIds() {
    return String.join(",", articles.stream().map(MatchedArticle::id).toList());
  }

  /** One line for the event record. */
  String summary() {
    String titles =
        String.join("; ", articles.stream().limit(5).map(a -> String.valueOf(a.title())).toList());
    String s =
        kind + ": " + articles.size() + " article(s)" + (titles.isEmpty() ? "" : ": ") + titles;
    return s.length() > 2000 ? s.substring(0, 1997) + "..." : s;
  }
}
