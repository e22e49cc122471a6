package io.pantau.analysis;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pantau.testsupport.SharedData;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The numbers on real news, on the check half of {@link StemmingMeasure}'s split: a bare
 * root finds at least 95% of the articles holding one of its inflections, and at least 97% of what
 * it finds holds one.
 */
class StemmingOnRealNewsTest {
  @Test
  void aRootFindsItsInflectionsInIndonesianAndEnglishNews() throws IOException {
    Path indosum = SharedData.require("data/indosum-news/articles.jsonl");
    Path uci = SharedData.require("data/uci-news-aggregator/news.jsonl.gz");
    check(
        "id",
        StemmingMeasure.read(indosum, "id", Integer.MAX_VALUE),
        StemmingMeasure.INDONESIAN_ROOTS);
    check("en", StemmingMeasure.read(uci, "en", 40_000), StemmingMeasure.ENGLISH_ROOTS);
  }

  private static void check(String lang, List<StemmingMeasure.Doc> docs, List<String> roots) {
    List<String> weak = new ArrayList<>();
    StemmingMeasure.Tally check =
        StemmingMeasure.measure(lang, docs, roots, t -> Stemming.stem(lang, t), weak)[1];
    System.out.println(check.row(lang + " check half"));
    assertTrue(check.recallBefore() < 0.6, lang + ": surface words alone already found them?");
    assertTrue(check.recallAfter() >= 0.95, lang + " recall " + check.recallAfter());
    assertTrue(check.precisionAfter() >= 0.97, lang + " precision " + check.precisionAfter());
  }
}
