package io.pantau.outbound;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RobotsRulesTest {

  private static final String ROBOTS =
      """
      # Everyone
      User-agent: *
      Disallow: /private/
      Allow: /private/press/
      Disallow: /*.pdf$
      Disallow:

      User-agent: OtherBot
      User-agent: pantau
      Disallow: /only-for-others/
      Allow: /page
      Disallow: /page
      """;

  @Test
  void theStarGroupAppliesToCrawlersWithoutAGroupOfTheirOwn() {
    RobotsRules rules = RobotsRules.parse(ROBOTS, "SomeCrawler");
    assertFalse(rules.allows("/private/report.html"));
    assertTrue(rules.allows("/public/report.html"));
    assertTrue(rules.allows("/only-for-others/x"));
  }

  @Test
  void theLongestMatchingRuleDecidesAndAllowWinsATie() {
    RobotsRules star = RobotsRules.parse(ROBOTS, "SomeCrawler");
    assertTrue(star.allows("/private/press/release.html"), "longer Allow beats shorter Disallow");
    RobotsRules pantau = RobotsRules.parse(ROBOTS, "Pantau");
    assertTrue(pantau.allows("/page"), "Allow and Disallow of equal length: Allow");
  }

  @Test
  void aNamedGroupReplacesTheStarGroupAndNamesMatchWithoutCase() {
    RobotsRules pantau = RobotsRules.parse(ROBOTS, "Pantau");
    assertFalse(pantau.allows("/only-for-others/x"));
    assertTrue(pantau.allows("/private/report.html"), "the * group does not apply to Pantau");
  }

  @Test
  void wildcardsAndTheEndAnchorMatchAsWritten() {
    RobotsRules rules = RobotsRules.parse(ROBOTS, "SomeCrawler");
    assertFalse(rules.allows("/files/report.pdf"));
    assertTrue(rules.allows("/files/report.pdf?download=1"), "$ anchors the end");
    RobotsRules query = RobotsRules.parse("User-agent: *\nDisallow: /*?session=", "x");
    assertFalse(query.allows("/a/b?session=1"));
    assertTrue(query.allows("/a/b?page=1"));
  }

  @Test
  void emptyOrRulelessFilesAllowEverythingButRobotsTxtItselfIsAlwaysAllowed() {
    assertTrue(RobotsRules.parse("", "Pantau").allows("/anything"));
    assertTrue(RobotsRules.parse("Disallow: /\n", "Pantau").allows("/x"), "no group: no rule");
    assertTrue(RobotsRules.parse("User-agent: *\nDisallow:\n", "Pantau").allows("/x"));
    RobotsRules all = RobotsRules.parse("User-agent: *\nDisallow: /\n", "Pantau");
    assertFalse(all.allows("/"));
    assertTrue(all.allows("/robots.txt"));
  }
}
