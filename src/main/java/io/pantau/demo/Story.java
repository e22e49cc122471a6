package io.pantau.demo;

import io.pantau.article.SentimentLabel;
import java.util.List;

/**
 * One story as written, before an outlet lays it out.
 *
 * @param scene the facts and renderer the story was written with
 * @param tone the tone its wording was drawn from
 * @param title the headline
 * @param dateline the dateline prefix of the first paragraph, in the originating outlet's style
 * @param lead the first sentence
 * @param paragraphs the rest, in reading order, with captions and related links among them
 * @param credits the credit lines of the originating outlet, or null when it prints none
 * @param related headlines of other stories on the topic, for "read also" lines and sidebars
 */
record Story(
    Scene scene,
    SentimentLabel tone,
    String title,
    String dateline,
    String lead,
    List<Paragraph> paragraphs,
    String credits,
    List<String> related) {

  enum Kind {
    TEXT,
    QUOTE,
    CAPTION,
    RELATED
  }

  record Paragraph(Kind kind, String text) {
    boolean isStory() {
      return kind == Kind.TEXT || kind == Kind.QUOTE;
    }
  }

  /** The story text alone: lead and story paragraphs, blank lines between. */
  String text() {
    StringBuilder out = new StringBuilder(lead);
    for (Paragraph p : paragraphs) {
      if (p.isStory()) {
        out.append("\n\n").append(p.text());
      }
    }
    return out.toString();
  }

  Story withLead(String newLead) {
    return new Story(scene, tone, title, dateline, newLead, paragraphs, credits, related);
  }
}
