package io.pantau.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TrendingScoreTest {

  @Test
  void aTermSixTimesNowAndOnceBeforeScoresSixTimesTheLogOfItsSmoothedRateRatio() {
    // 6 of 10 articles now, 1 of 10 before: rates 7/11 and 2/11.
    assertEquals(6 * Math.log(3.5), TrendingScore.score(6, 10, 1, 10), 1e-12);
  }

  @Test
  void aNewTermStaysFinite() {
    assertEquals(2 * Math.log(3.0), TrendingScore.score(2, 10, 0, 10), 1e-12);
  }

  @Test
  void aSteadyTermScoresZeroAndAFallingOneBelowZero() {
    assertEquals(0, TrendingScore.score(5, 10, 5, 10), 1e-12);
    assertTrue(TrendingScore.score(1, 10, 5, 10) < 0);
  }

  @Test
  void ratesNotCountsAreCompared() {
    // Twice the articles before, twice the mentions: not a rise.
    assertEquals(TrendingScore.score(3, 9, 7, 19), 3 * Math.log((4.0 / 10) / (8.0 / 20)), 1e-12);
    assertEquals(0, TrendingScore.score(3, 9, 7, 19), 1e-12);
  }

  @Test
  void aBroadRiseOutranksASingleNewMention() {
    assertTrue(TrendingScore.score(50, 100, 30, 100) > TrendingScore.score(1, 100, 0, 100));
  }

  @Test
  void anAbsentTermScoresZero() {
    assertEquals(0, TrendingScore.score(0, 10, 4, 10));
  }
}
