package io.pantau.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class KeyphraseRankingTest {
  @Test
  void ranking_gives_the_order_of_a_stable_descending_sort() {
    Random random = new Random(7);
    for (int round = 0; round < 5_000; round++) {
      int n = random.nextInt(80);
      double[] scores = new double[n];
      for (int k = 0; k < n; k++) {
        // few distinct values, so that ties are common
        scores[k] = random.nextInt(12) / 4.0;
      }
      List<Integer> expected = new ArrayList<>();
      for (int k = 0; k < n; k++) {
        expected.add(k);
      }
      double[] copy = scores.clone();
      expected.sort(Comparator.comparingDouble((Integer k) -> copy[k]).reversed());
      // a caller may stop early: take a random prefix, or everything
      int wanted = random.nextBoolean() ? n : random.nextInt(n + 1);
      KeyphraseExtractor.Ranking ranking = new KeyphraseExtractor.Ranking(scores);
      List<Integer> actual = new ArrayList<>();
      for (int k = ranking.next(); k >= 0 && actual.size() < wanted; k = ranking.next()) {
        actual.add(k);
      }
      assertEquals(expected.subList(0, wanted), actual, "round " + round);
      if (wanted == n) {
        assertEquals(-1, ranking.next());
      }
    }
  }
}
