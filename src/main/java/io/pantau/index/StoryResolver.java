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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

  /** Stored copies fetched per band key asked (a bound, not a target: most keys match nothing). */
  private static final int CANDIDATES = 10;

  /** Band keys per search; well below Elasticsearch's default limit of 65,536 terms. */
  private static final int TERMS_PER_SEARCH = 4096;

  /** Hits per search; Elasticsearch's default result window. */
  private static final int MAX_HITS = 10_000;

  /**
   * Candidates compared per article, stored and recent together. Texts that share bands with
   * thousands of others (templated briefs, a wire story copied all day) would otherwise make each
   * batch quadratic; the first few hundred copies of a story are as good a link as all of them.
   */
  static final int POOL_MAX = 256;

  private static final List<String> CANDIDATE_FIELDS =
      List.of(
          Fields.ID, Fields.STORY_ID, Fields.DUPLICATE_OF, Fields.PUBLISHED, Fields.FINGERPRINT);

  /** How long written articles are remembered when the refresh interval is unknown or off. */
  static final Duration DEFAULT_RECENT_AGE = Duration.ofSeconds(30);

  private static final int RECENT_MAX = 20_000;

  private final ElasticsearchClient es;

  /**
   * How long a written article is kept in memory: until searches surely see it, so twice the
   * index's refresh interval and two seconds more. Each remembered article holds its fingerprint
   * and band keys (about 4 KB with the band index); at the bench's rate 30 s of them was 20,000
   * articles, promoted to the old generation and dying there, which kept G1's concurrent marking
   * busy.
   */
  private final Duration recentAge;

  private final ArrayDeque<Recent> recent = new ArrayDeque<>();
  private final BandIndex recentByBand = new BandIndex();

  /**
   * A recently written article. Equal only to itself: the band sets hold many of these, and a
   * record's hash would hash the whole fingerprint (128 values and the band keys) on every add and
   * remove (seen in the ingest profile).
   */
  static final class Recent {
    private final Candidate candidate;
    private final Instant at;

    Recent(Candidate candidate, Instant at) {
      this.candidate = candidate;
      this.at = at;
    }

    Candidate candidate() {
      return candidate;
    }

    Instant at() {
      return at;
    }
  }

  /**
   * Recent articles by band key, oldest first. Almost every key belongs to one article, so a key
   * maps to that {@link Recent} itself and only to a list when it is shared. A set per key (32 keys
   * for each of some 12,000 recent articles at the benchmark's ingest rate) came to about 90 MB of
   * the heap, most of Pantau's live set, and kept the collector's concurrent marking busy.
   */
  static final class BandIndex {
    private final Map<String, Object> byBand = new HashMap<>();

    void add(String band, Recent r) {
      Object old = byBand.putIfAbsent(band, r);
      if (old == null || old == r) {
        return;
      }
      if (old instanceof Recent one) {
        List<Recent> several = new ArrayList<>(4);
        several.add(one);
        several.add(r);
        byBand.put(band, several);
      } else {
        @SuppressWarnings("unchecked")
        List<Recent> several = (List<Recent>) old;
        if (!several.contains(r)) {
          several.add(r);
        }
      }
    }

    void remove(String band, Recent r) {
      Object old = byBand.get(band);
      if (old == r) {
        byBand.remove(band);
      } else if (old instanceof List<?> several) {
        several.remove(r);
        if (several.size() == 1) {
          byBand.put(band, several.get(0));
        }
      }
    }

    /** The recent articles with this band key, oldest first. */
    @SuppressWarnings("unchecked")
    List<Recent> get(String band) {
      Object v = byBand.get(band);
      if (v == null) {
        return List.of();
      }
      return v instanceof Recent one ? List.of(one) : (List<Recent>) v;
    }

    int keys() {
      return byBand.size();
    }
  }

  StoryResolver(ElasticsearchClient es, String refreshInterval) {
    this.es = es;
    this.recentAge = recentAge(refreshInterval);
  }

  /** The memory span for an Elasticsearch {@code refresh_interval} ("5s", "500ms", "1m", "-1"). */
  static Duration recentAge(String refreshInterval) {
    Duration interval = parseTime(refreshInterval);
    if (interval == null || interval.isNegative() || interval.isZero()) {
      return DEFAULT_RECENT_AGE;
    }
    return interval.multipliedBy(2).plusSeconds(2);
  }

  private static Duration parseTime(String s) {
    if (s == null) {
      return null;
    }
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("(\\d{1,9})(nanos|micros|ms|s|m|h|d)").matcher(s.trim());
    if (!m.matches()) {
      return null;
    }
    long n = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "nanos" -> Duration.ofNanos(n);
      case "micros" -> Duration.ofNanos(n * 1000);
      case "ms" -> Duration.ofMillis(n);
      case "s" -> Duration.ofSeconds(n);
      case "m" -> Duration.ofMinutes(n);
      case "h" -> Duration.ofHours(n);
      default -> Duration.ofDays(n);
    };
  }

  /** A stored copy, as far as story assignment needs it. */
  record Candidate(
      String id, String storyId, String duplicateOf, Instant published, Fingerprint fingerprint) {}

  /**
   * The batch with storyId and duplicateOf set; order kept. Synchronized so that two writers
   * resolving at once see each other's articles.
   */
  synchronized List<EnrichedArticle> resolve(List<EnrichedArticle> batch) {
    List<Map<String, Candidate>> stored = storedCandidates(batch);
    List<EnrichedArticle> out = new ArrayList<>(batch.size());
    evictOld(Instant.now());
    for (int i = 0; i < batch.size(); i++) {
      EnrichedArticle e = batch.get(i);
      Article a = e.article();
      Candidate best = null;
      double bestSim = SAME_STORY;
      Map<String, Candidate> pool = stored.get(i);
      for (String band : e.fingerprint().bands()) {
        for (Recent r : recentByBand.get(band)) {
          if (pool.size() >= POOL_MAX) {
            break;
          }
          pool.putIfAbsent(r.candidate().id(), r.candidate());
        }
      }
      for (Candidate c : pool.values()) {
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
      recentByBand.add(band, r);
    }
    while (recent.size() > RECENT_MAX) {
      forget(recent.removeFirst());
    }
  }

  private void evictOld(Instant now) {
    Instant limit = now.minus(recentAge);
    while (!recent.isEmpty() && recent.peekFirst().at().isBefore(limit)) {
      forget(recent.removeFirst());
    }
  }

  private void forget(Recent r) {
    for (String band : r.candidate().fingerprint().bands()) {
      recentByBand.remove(band, r);
    }
  }

  /**
   * The stored articles sharing at least one band with each article of the batch. One search per
   * {@link #TERMS_PER_SEARCH} band keys, all sent as one multi-search: a search per article made
   * Elasticsearch run hundreds of tiny searches per batch, which cost it more than indexing the
   * batch did (seen in the ingest benchmark). Near-copies are rare, so few documents come back;
   * each is handed to every article of the batch it shares a band with.
   */
  private List<Map<String, Candidate>> storedCandidates(List<EnrichedArticle> batch) {
    List<Map<String, Candidate>> out = new ArrayList<>();
    Map<String, List<Integer>> askers = new HashMap<>();
    for (int i = 0; i < batch.size(); i++) {
      out.add(new LinkedHashMap<>());
      Fingerprint f = batch.get(i).fingerprint();
      if (f.hasSignature()) {
        for (String band : f.bands()) {
          askers.computeIfAbsent(band, k -> new ArrayList<>()).add(i);
        }
      }
    }
    if (askers.isEmpty()) {
      return out;
    }
    List<String> bands = new ArrayList<>(askers.keySet());
    List<RequestItem> searches = new ArrayList<>();
    for (int from = 0; from < bands.size(); from += TERMS_PER_SEARCH) {
      List<FieldValue> chunk =
          bands.subList(from, Math.min(bands.size(), from + TERMS_PER_SEARCH)).stream()
              .map(FieldValue::of)
              .toList();
      int size = Math.min(MAX_HITS, CANDIDATES * chunk.size());
      searches.add(
          RequestItem.of(
              r ->
                  r.header(h -> h.index(IndexNames.ARTICLES).ignoreUnavailable(true))
                      .body(
                          b ->
                              b.size(size)
                                  .source(s -> s.filter(sf -> sf.includes(CANDIDATE_FIELDS)))
                                  .query(
                                      q ->
                                          q.constantScore(
                                              c ->
                                                  c.filter(
                                                      f ->
                                                          f.terms(
                                                              t ->
                                                                  t.field(Fields.FINGERPRINT_BANDS)
                                                                      .terms(
                                                                          v ->
                                                                              v.value(
                                                                                  chunk)))))))));
    }
    MsearchResponse<Candidate> r =
        ArticleIndex.call(() -> es.msearch(m -> m.searches(searches), Candidate.class));
    for (MultiSearchResponseItem<Candidate> item : r.responses()) {
      if (!item.isResult()) {
        continue;
      }
      for (Hit<Candidate> h : item.result().hits().hits()) {
        Candidate c = h.source();
        if (c == null || c.fingerprint() == null) {
          continue;
        }
        Set<Integer> to = new HashSet<>();
        for (String band : c.fingerprint().bands()) {
          to.addAll(askers.getOrDefault(band, List.of()));
        }
        for (int i : to) {
          Map<String, Candidate> pool = out.get(i);
          if (pool.size() < POOL_MAX) {
            pool.putIfAbsent(c.id(), c);
          }
        }
      }
    }
    return out;
  }
}
