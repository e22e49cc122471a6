package io.pantau.clean;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pantau.article.Article;
import io.pantau.article.RawArticle;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * One small hand-written page per error class of main-text extraction (issue 27): each holds the
 * mechanism, not a page. The pages are invented for these tests.
 */
class ExtractionClassesTest {
  private static final Instant FETCHED = Instant.parse("2025-09-16T00:00:00Z");
  private final ArticleCleaner cleaner = new ArticleCleaner();

  private static final String STORY_1 =
      "The harbour council voted on Tuesday evening to approve a revised ferry timetable, adding"
          + " two early crossings on weekdays.";
  private static final String STORY_2 =
      "Commuters had asked for the change for years, the council's transport chair said, citing"
          + " long queues at the northern pier.";
  private static final String STORY_3 =
      "The new timetable starts in March, and fares stay at their current level until the end of"
          + " the year.";

  private Article page(String body) {
    return cleaner.clean(
        RawArticle.ofHtml(
            "<html><head><title>Ferry timetable</title></head><body>" + body + "</body></html>",
            "https://gazette.example/ferry",
            null,
            FETCHED));
  }

  /** A long menu: more text than the story, all of it links. */
  private static String menu() {
    StringBuilder b = new StringBuilder("<div class=\"top\"><ul>");
    for (String s :
        new String[] {
          "Local politics and council",
          "Business and the economy",
          "Sport results and tables",
          "Culture, arts and books",
          "Weather and the tides",
          "Opinion and letters to the editor",
          "Obituaries and notices",
          "Property and homes",
          "Motoring and transport",
          "Travel"
        }) {
      b.append("<li><a href=\"/s\">").append(s).append(" section of the gazette</a></li>");
    }
    return b.append("</ul></div>").toString();
  }

  @Test
  void aWrapperNamedLikeChromeThatHoldsTheStoryKeepsIt() {
    Article a =
        page(
            menu()
                + "<div class=\"paywall-container social-wrap\"><p>"
                + STORY_1
                + "</p><p>"
                + STORY_2
                + "</p><p>"
                + STORY_3
                + "</p></div>"
                + "<div class=\"sidebar\"><p><a href=\"/x\">Most read: tide tables for the week"
                + " ahead</a></p></div>");
    assertTrue(a.body().contains(STORY_1), a.body());
    assertTrue(a.body().contains(STORY_3), a.body());
    assertFalse(a.body().contains("Most read"), a.body());
  }

  @Test
  void aChromeWordInTheIdOfAHeadingIsAnAnchorNotChrome() {
    Article a =
        page(
            "<article><p>"
                + STORY_1
                + "</p><h2 id=\"nav-what-changes-for-commuters\">What changes for commuters</h2><p>"
                + STORY_2
                + "</p><p>"
                + STORY_3
                + "</p></article>");
    assertTrue(a.body().contains("What changes for commuters"), a.body());
  }

  @Test
  void linkTextIsChargedToTheBrSeparatedParagraphThatHoldsIt() {
    String one = "Volunteers cleaned the beach on Saturday morning, collecting plastic nets.";
    String two =
        "The organisers published <a href=\"/r\">the full report of the clean-up with every"
            + " figure</a> today.";
    String three = "More than eighty people took part, twice as many as the year before.";
    String four = "The next clean-up is planned for the first weekend of October this year.";
    Article a =
        page(
            "<div class=\"entry\"><p>"
                + one
                + "<br><br>"
                + two
                + "<br><br>"
                + three
                + "<br><br>"
                + four
                + "</p></div>");
    assertTrue(a.body().contains(one), a.body());
    assertTrue(a.body().contains(three), a.body());
    assertTrue(a.body().contains(four), a.body());
  }

  @Test
  void tablesAndListsInsideTheStoryAreKept() {
    Article a =
        page(
            menu()
                + "<article><p>"
                + STORY_1
                + "</p><table><tr><th>Pos</th><th>Club</th><th>Points</th></tr>"
                + "<tr><td>1</td><td>Harbour Rovers</td><td>28</td></tr>"
                + "<tr><td>2</td><td>Northern Pier Athletic</td><td>25</td></tr></table><p>"
                + STORY_2
                + "</p><ul><li>Blue enamel kettle, 1.7 litres</li><li>Oak bread board</li>"
                + "<li>Linen tea towels</li></ul><p>"
                + STORY_3
                + "</p></article>");
    assertTrue(a.body().contains("Harbour Rovers"), a.body());
    assertTrue(a.body().contains("Northern Pier Athletic"), a.body());
    assertTrue(a.body().contains("Blue enamel kettle, 1.7 litres"), a.body());
    assertTrue(a.body().contains("Oak bread board"), a.body());
    assertFalse(a.body().contains("section of the gazette"), a.body());
  }

  @Test
  void cjkSentencesCountAsProse() {
    String s1 = "市議会は火曜日、駅前の広場を公園に作り替える計画を承認した。";
    String s2 = "工事は来年の春に始まり、完成までおよそ二年かかる見込みだという。";
    String s3 = "住民からは、木陰のある休憩場所が増えることを歓迎する声が上がっている。";
    Article a =
        page(
            menu()
                + "<article><h1>駅前広場が公園に</h1><p>"
                + s1
                + "</p><p>"
                + s2
                + "</p><p>"
                + s3
                + "</p></article>");
    assertTrue(a.body().contains(s1), a.body());
    assertTrue(a.body().contains(s2), a.body());
    assertTrue(a.body().contains(s3), a.body());
  }

  @Test
  void repeatedTeaserCardsAreNotBody() {
    StringBuilder cards = new StringBuilder("<div class=\"more\">");
    String[] heads = {
      "Lighthouse restoration finally gets its funding",
      "Fishing fleet reports a record mackerel season",
      "School sailing club wins the regional regatta",
      "New cycle path opens along the old railway line"
    };
    for (String h : heads) {
      cards
          .append("<article class=\"card\"><a href=\"/n\"><h3>")
          .append(h)
          .append("</h3></a><p>A short excerpt of the other story, written to tempt a reader into")
          .append(" clicking through to it.</p></article>");
    }
    cards.append("</div>");
    Article a =
        page(
            menu()
                + "<div class=\"post-body\"><p>"
                + STORY_1
                + "</p><p>"
                + STORY_2
                + "</p><p>"
                + STORY_3
                + "</p>"
                + cards
                + "</div>");
    assertTrue(a.body().contains(STORY_3), a.body());
    assertFalse(a.body().contains("A short excerpt of the other story"), a.body());
    assertFalse(a.body().contains("Lighthouse restoration"), a.body());
  }

  @Test
  void newsletterBoxesAuthorBiosAndUnmarkedCaptionsAreNotBody() {
    Article a =
        page(
            menu()
                + "<article><div class=\"image\"><img src=\"/pier.jpg\" alt=\"\"><span>Passengers"
                + " queue at the northern pier before the first crossing of the day.</span></div><p>"
                + STORY_1
                + "</p><div class=\"box\"><p>Get the morning briefing in your inbox every weekday,"
                + " free of charge and easy to cancel at any time.</p><form action=\"/s\"><input"
                + " type=\"email\" name=\"e\"><button>Go</button></form></div><p>"
                + STORY_2
                + "</p><p>"
                + STORY_3
                + "</p><div class=\"about\"><img src=\"/maria.jpg\" alt=\"\"><p>Maria Lindqvist"
                + " covers transport and city planning for the Gazette and previously reported"
                + " from Oslo.</p><a rel=\"author\" href=\"/people/maria\">All articles by"
                + " Maria</a></div></article>");
    assertTrue(a.body().contains(STORY_1), a.body());
    assertTrue(a.body().contains(STORY_3), a.body());
    assertFalse(a.body().contains("morning briefing"), a.body());
    assertFalse(a.body().contains("covers transport and city planning"), a.body());
    assertFalse(a.body().contains("Passengers queue"), a.body());
    assertTrue(
        a.captions().stream().anyMatch(c -> c.contains("Passengers queue")),
        a.captions().toString());
  }

  @Test
  void anArticleBodyMarkOnEveryTeaserIsNotTrusted() {
    StringBuilder cards = new StringBuilder();
    for (int i = 1; i <= 3; i++) {
      cards
          .append("<div class=\"teaser\"><h3><a href=\"/t")
          .append(i)
          .append("\">Another story number ")
          .append(i)
          .append("</a></h3><div itemprop=\"articleBody\">An excerpt of another story that is long")
          .append(" enough to pass for a body on its own, with a clause or two, and a few words")
          .append(" more to be sure that it is read as one whole paragraph.</div></div>");
    }
    Article a =
        page(
            "<div class=\"entry\"><p>"
                + STORY_1
                + "</p><p>"
                + STORY_2
                + "</p><p>"
                + STORY_3
                + "</p></div><div class=\"more\">"
                + cards
                + "</div>");
    assertTrue(a.body().contains(STORY_1), a.body());
    assertFalse(a.body().contains("An excerpt of another story"), a.body());
  }

  @Test
  void aStorySplitOverDeeplyWrappedSectionsIsTakenWhole() {
    String wrap = "<div><div><div><div>";
    String unwrap = "</div></div></div></div>";
    Article a =
        page(
            menu()
                + "<div class=\"story\"><section>"
                + wrap
                + "<p>"
                + STORY_1
                + "</p><p>"
                + STORY_2
                + "</p>"
                + unwrap
                + "</section><section>"
                + wrap
                + "<p>"
                + STORY_3
                + "</p><p>Ferry operators welcomed the decision and said they would hire six more"
                + " deck hands before the spring.</p>"
                + unwrap
                + "</section></div>");
    assertTrue(a.body().contains(STORY_1), a.body());
    assertTrue(a.body().contains(STORY_3), a.body());
  }

  @Test
  void aHeadingThatLeadsIntoRemovedChromeGoesWithIt() {
    Article a =
        page(
            menu()
                + "<div class=\"entry\"><p>"
                + STORY_1
                + "</p><h2>What the council decided</h2><div class=\"ad-slot\">Advertisement:"
                + " ferry season tickets at half price this month</div><p>"
                + STORY_2
                + "</p><p>"
                + STORY_3
                + "</p><h3>Did you find this article useful today?</h3><div class=\"share-box\">"
                + "<p>Tell your friends about the ferry timetable story</p></div></div>");
    assertTrue(a.body().contains("What the council decided"), a.body());
    assertTrue(a.body().contains(STORY_3), a.body());
    assertFalse(a.body().contains("Did you find this article useful"), a.body());
  }
}
