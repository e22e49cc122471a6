package io.pantau.demo;

import io.pantau.article.RawArticle;
import io.pantau.article.SentimentLabel;
import java.time.Instant;
import java.util.Optional;

/**
 * One generated article together with what the generator knows about it, so that tests and the
 * benchmark can check Pantau's enrichment against the truth.
 *
 * @param raw the article as Pantau receives it
 * @param lang the language it was written in ({@code id} or {@code en})
 * @param topic the topic it was written about
 * @param tone the tone its wording was drawn from
 * @param publishedAt the publication instant, also when {@code raw.published()} is left empty
 * @param storyText the article text alone (no title, dateline, captions, links, credits or
 *     notices), paragraphs separated by blank lines: what a perfect cleaner keeps
 * @param syndicationOf the url of the original when this is a syndicated copy, else null
 * @param inBurst whether the story belongs to a burst of coverage
 */
public record GeneratedArticle(
    RawArticle raw,
    String lang,
    String topic,
    SentimentLabel tone,
    Instant publishedAt,
    String storyText,
    String syndicationOf,
    boolean inBurst) {

  /** The url of the original, when this is a syndicated copy. */
  public Optional<String> original() {
    return Optional.ofNullable(syndicationOf);
  }

  /** True for a copy of another outlet's story. */
  public boolean isSyndicated() {
    return syndicationOf != null;
  }
}
