package io.pantau.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch.core.MsearchResponse;
import co.elastic.clients.elasticsearch.core.msearch.MultiSearchResponseItem;
import co.elastic.clients.elasticsearch.core.msearch.RequestItem;
import co.elastic.clients.elasticsearch.core.search.Hit;
import io.pantau.article.Article;
import io.pantau.article.EnrichedArticle;
import io.pantau.article.Fingerprint;
import io.pantau.enrich.MinHash;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Links each new article to the story it belongs to: copies of the same text (republications,
 * aggregator copies, light rewrites) share a {@code storyId}, and a copy names the first stored
 * copy in {@code duplicateOf}.
 *
 * <p>Candidates come from Elasticsearch by LSH band keys (an article shares at least one band with
 * any near-copy), never from an in-memory list of everything, so the cost per article stays flat as
 * the index grows; the MinHash estimate then confirms or rejects each candidate. Articles of the
 * same batch are compared with each other too, since they are not searchable yet.
 */
final class StoryResolver {
  /** Estimated Jaccard similarity of shingles above which two bodies are the same story. */
  static final double SAME_STORY = 0.5;

  private static final int CANDIDATES = 10;
  private static final Duration RECENT_AGE = Duration.ofSeconds(30);
  private static final int RECENT_MAX = 20_000;

  private final ElasticsearchClient es;
  private final ArrayDeque<Recent> recent = new ArrayDeque<>();
  private final Map<String, List<Recent>> recentByBand = new HashMap<>();

  private record Recent(Candidate candidate, Instant at) {}

  StoryResolver(ElasticsearchClient es) {
    this.es = es;
  }

  /** A stored copy, as far as story assignment needs it. */
  record Candidate(
      String id, String storyId, String duplicateOf, Instant published, Fingerprint fingerprint) {}

  /**
   * The batch with storyId and duplicateOf set; order kept. Synchronized so that two writers
   * resolving at once see each other's articles.
   */
  synchronized List<EnrichedArticle> resolve(List<EnrichedArticle> batch) {
    List<List<Candidate>> stored = storedCandidates(batch);
    List<EnrichedArticle> out = new ArrayList<>(batch.size());
    evictOld(Instant.now());
    for (int i = 0; i < batch.size(); i++) {
      EnrichedArticle e = batch.get(i);
      Article a = e.article();
      Candidate best = null;
      double bestSim = SAME_STORY;
      List<Candidate> pool = new ArrayList<>(stored.get(i));
      for (String band : e.fingerprint().bands()) {
        for (Recent r : recentByBand.getOrDefault(band, List.of())) {
          pool.add(r.candidate());
        }
      }
      for (Candidate c : pool) {
        if (c.id().equals(a.id()) || c.fingerprint() == null) {
          continue;
        }
        double sim = MinHash.similarity(e.fingerprint(), c.fingerprint());
        if (sim >= bestSim) {
          bestSim = sim;
          best = c;
        }
      }
      Article linked =
          best == null
              ? a.toBuilder().storyId(a.storyId() == null ? a.id() : a.storyId()).build()
              : a.toBuilder()
                  .storyId(best.storyId() == null ? best.id() : best.storyId())
                  .duplicateOf(best.duplicateOf() == null ? best.id() : best.duplicateOf())
                  .build();
      remember(linked, e.fingerprint());
      out.add(new EnrichedArticle(linked, e.fingerprint()));
    }
    return out;
  }

  private void remember(Article a, Fingerprint f) {
    if (!f.hasSignature()) {
      return;
    }
    Recent r =
        new Recent(
            new Candidate(a.id(), a.storyId(), a.duplicateOf(), a.published(), f), Instant.now());
    recent.addLast(r);
    for (String band : f.bands()) {
      recentByBand.computeIfAbsent(band, k -> new ArrayList<>()).add(r);
    }
    while (recent.size() > RECENT_MAX) {
      forget(recent.removeFirst());
    }
  }

  private void evictOld(Instant now) {
    Instant limit = now.minus(RECENT_AGE);
    while (!recent.isEmpty() && recent.peekFirst().at().isBefore(limit)) {
      forget(recent.removeFirst());
    }
  }

  private void forget(Recent r) {
    for (String band : r.candidate().fingerprint().bands()) {
      List<Recent> list = recentByBand.get(band);
      if (list != null) {
        list.remove(r);
        if (list.isEmpty()) {
          recentByBand.remove(band);
        }
      }
    }
  }

  private List<List<Candidate>> storedCandidates(List<EnrichedArticle> batch) {
    List<RequestItem> searches = new ArrayList<>();
    List<Integer> asked = new ArrayList<>();
    for (int i = 0; i < batch.size(); i++) {
      Fingerprint f = batch.get(i).fingerprint();
      if (!f.hasSignature() || f.bands().isEmpty()) {
        continue;
      }
      List<FieldValue> bands = f.bands().stream().map(FieldValue::of).toList();
      searches.add(
          RequestItem.of(
              r ->
                  r.header(h -> h.index(IndexNames.ARTICLES).ignoreUnavailable(true))
                      .body(
                          b ->
                              b.size(CANDIDATES)
                                  .source(
                                      s ->
                                          s.filter(
                                              sf ->
                                                  sf.includes(
                                                      "id",
                                                      "storyId",
                                                      "duplicateOf",
                                                      "published",
                                                      "fingerprint")))
                                  .query(
                                      q ->
                                          q.terms(
                                              t ->
                                                  t.field("fingerprint.bands")
                                                      .terms(v -> v.value(bands)))))));
      asked.add(i);
    }
    List<List<Candidate>> out = new ArrayList<>();
    for (int i = 0; i < batch.size(); i++) {
      out.add(new ArrayList<>());
    }
    if (searches.isEmpty()) {
      return out;
    }
    MsearchResponse<Candidate> r =
        ArticleIndex.call(() -> es.msearch(m -> m.searches(searches), Candidate.class));
    List<MultiSearchResponseItem<Candidate>> responses = r.responses();
    for (int k = 0; k < responses.size(); k++) {
      MultiSearchResponseItem<Candidate> item = responses.get(k);
      if (item.isResult()) {
        for (Hit<Candidate> h : item.result().hits().hits()) {
          if (h.source() != null) {
            out.get(asked.get(k)).add(h.source());
          }
        }
      }
    }
    return out;
  }
}
