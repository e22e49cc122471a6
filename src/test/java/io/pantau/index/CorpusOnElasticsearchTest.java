package io.pantau.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pantau.article.Article;
import io.pantau.article.DatePrecision;
import io.pantau.article.EnrichedArticle;
import io.pantau.article.Fingerprint;
import io.pantau.monitor.MonitorDocument;
import io.pantau.monitor.QueryMonitor;
import io.pantau.query.Corpus;
import io.pantau.query.CorpusQueries;
import io.pantau.query.QueryNode;
import io.pantau.query.QueryParser;
import io.pantau.query.QueryText;
import io.pantau.testsupport.ElasticsearchResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.lucene.analysis.Analyzer;
import org.junit.jupiter.api.Test;

/**
 * Search and alert matching select the same articles, inflections included: the fifty corpus
 * articles written into the real Elasticsearch with the real mapping and searched with every corpus
 * query, against the alert matcher ({@link QueryMonitor}) on the same articles. The articles get a
 * publication minute of their own in a year no other test uses, which the search is limited to.
 */
@QuarkusTest
@QuarkusTestResource(ElasticsearchResource.class)
class CorpusOnElasticsearchTest {
  @Inject ArticleIndex index;

  @Test
  void searchAndAlertMatchingSelectTheSameArticlesForEveryCorpusQuery() throws Exception {
    Instant base =
        Instant.parse("1993-01-01T00:00:00Z").plusSeconds(60L * new Random().nextInt(500_000));
    String run = Long.toString(base.getEpochSecond(), 36);
    Map<String, Integer> idOf = new LinkedHashMap<>();
    List<IndexWrite> writes = new ArrayList<>();
    List<Article> articles = new ArrayList<>();
    for (Corpus.Doc d : Corpus.DOCS) {
      Article a = article(d, "corpus-" + run + "-" + d.id(), base.plusSeconds(d.id()));
      idOf.put(a.id(), d.id());
      articles.add(a);
      writes.add(IndexWrite.of(new EnrichedArticle(a, Fingerprint.NONE)));
    }
    index.write(writes, true).forEach(o -> assertEquals(WriteOutcome.Status.indexed, o.status()));

    QueryMonitor monitor = new QueryMonitor(QueryMonitor.Presearcher.MULTIPASS);
    Map<String, QueryNode> queries = new LinkedHashMap<>();
    for (String q : CorpusQueries.all()) {
      queries.put(q, QueryParser.parse(q));
      monitor.register(q, queries.get(q));
    }
    Map<String, Set<Integer>> matched = new TreeMap<>();
    try (Analyzer analyzer = QueryText.analyzer()) {
      for (Article a : articles) {
        monitor
            .match(MonitorDocument.of(a, analyzer))
            .matches()
            .forEach(
                m -> matched.computeIfAbsent(m.id(), k -> new TreeSet<>()).add(idOf.get(a.id())));
      }
    }
    int selective = 0;
    for (Map.Entry<String, QueryNode> q : queries.entrySet()) {
      Set<Integer> found = new TreeSet<>();
      ArticleSearch search =
          new ArticleSearch(
              q.getValue(),
              Optional.of(base),
              Optional.of(base.plusSeconds(3600)),
              List.of(),
              List.of(),
              Optional.empty(),
              0,
              100);
      index.search(search).items().forEach(a -> found.add(idOf.get(a.id())));
      Set<Integer> alerts = matched.getOrDefault(q.getKey(), Set.of());
      assertEquals(alerts, found, "search and alerts differ on: " + q.getKey());
      if (!found.isEmpty() && found.size() < Corpus.DOCS.size()) {
        selective++;
      }
    }
    System.out.printf(
        "%d corpus queries on the real Elasticsearch and the matcher agree (%d select some but"
            + " not all)%n",
        queries.size(), selective);
    assertTrue(selective > queries.size() / 2, "too few selective queries: " + selective);
  }

  private static Article article(Corpus.Doc d, String id, Instant published) {
    return d.article()
        .id(id)
        .url("https://corpus.example/" + id)
        .published(published)
        .publishedPrecision(DatePrecision.exact)
        .fetched(published)
        .ingested(Instant.now())
        .build();
  }
}
