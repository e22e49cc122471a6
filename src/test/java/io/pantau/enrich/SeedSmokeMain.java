package io.pantau.enrich;

import io.pantau.article.EnrichedArticle;

final class SeedSmokeMain {
  public static void main(String[] args) throws Exception {
    System.setProperty("pantau.shared.dir", "/work/shared");
    EnrichedArticle e = Enrichment.standard().enrich(Seeds.seedArticle());
    var a = e.article();
    System.out.println("lang=" + a.lang());
    System.out.println("keywords=" + a.keywords());
    System.out.println("keyphrases=" + a.keyphrases());
    System.out.println("entities=" + a.entities());
    System.out.println("sentiment=" + a.sentiment());
    System.out.println("bands=" + e.fingerprint().bands().subList(0, 3));
  }
}
