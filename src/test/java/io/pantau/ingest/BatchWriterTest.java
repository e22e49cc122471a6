package io.pantau.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pantau.article.Article;
import io.pantau.article.EnrichedArticle;
import io.pantau.article.Fingerprint;
import io.pantau.index.IndexUnavailableException;
import io.pantau.index.IndexWrite;
import io.pantau.index.WriteOutcome;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The batch writer against a sink that behaves like the index in the ways that matter: a whole
 * request fails while it holds the poisoned article, or while the index is away.
 */
class BatchWriterTest {
  private static final String POISON = "poison";

  @Test
  void oneArticleThatFailsEveryRequestItIsInFailsAloneAndEveryOtherIsWritten() throws Exception {
    List<List<String>> requests = new ArrayList<>();
    BatchWriter.Sink sink =
        (writes, refresh) -> {
          List<String> ids = writes.stream().map(IndexWrite::id).toList();
          requests.add(ids);
          if (ids.contains(POISON)) {
            throw new IllegalStateException("cannot format the partition of " + POISON);
          }
          return writes.stream().map(BatchWriterTest::indexed).toList();
        };
    List<IndexWrite> batch = new ArrayList<>();
    for (int i = 0; i < 9; i++) {
      batch.add(write(i == 5 ? POISON : "a" + i));
    }

    List<WriteOutcome> out = writer(sink, new AtomicInteger()).write(batch, false);

    assertEquals(9, out.size());
    for (int i = 0; i < 9; i++) {
      assertEquals(batch.get(i).id(), out.get(i).id(), "outcomes keep the batch's order");
      assertEquals(
          i == 5 ? WriteOutcome.Status.failed : WriteOutcome.Status.indexed,
          out.get(i).status(),
          "article " + i);
    }
    assertTrue(out.get(5).error().contains("cannot format"), out.get(5).error());
    long alone = requests.stream().filter(r -> r.equals(List.of(POISON))).count();
    assertEquals(
        BatchWriter.MAX_UNEXPECTED_ATTEMPTS, alone, "the poisoned article alone: " + requests);
    assertTrue(requests.size() <= 2 * 4 + BatchWriter.MAX_UNEXPECTED_ATTEMPTS, "" + requests);
  }

  @Test
  void whileTheIndexIsAwayTheWholeBatchIsRetriedAndTheWriterSaysSinceWhen() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    AtomicReference<Optional<java.time.Instant>> seenWhileAway = new AtomicReference<>();
    AtomicReference<BatchWriter> self = new AtomicReference<>();
    BatchWriter.Sink sink =
        (writes, refresh) -> {
          if (calls.incrementAndGet() <= 3) {
            seenWhileAway.set(self.get().retryingSince());
            throw new IndexUnavailableException("connection refused", null);
          }
          assertEquals(4, writes.size(), "the whole batch again, not split");
          return writes.stream().map(BatchWriterTest::indexed).toList();
        };
    AtomicInteger retries = new AtomicInteger();
    BatchWriter w = writer(sink, retries);
    self.set(w);

    List<WriteOutcome> out =
        w.write(List.of(write("a"), write("b"), write("c"), write("d")), false);

    assertTrue(out.stream().allMatch(o -> o.status() == WriteOutcome.Status.indexed));
    assertEquals(3, retries.get());
    assertTrue(seenWhileAway.get().isPresent(), "retrying since is known while it retries");
    assertTrue(w.retryingSince().isEmpty(), "and forgotten once the batch is written");
  }

  private static BatchWriter writer(BatchWriter.Sink sink, AtomicInteger retries) {
    return new BatchWriter(
        sink,
        new BatchWriter.Listener() {
          @Override
          public void reached(boolean reached) {}

          @Override
          public void retrying(int articles, String error) {
            retries.incrementAndGet();
          }
        },
        Duration.ofMillis(1),
        Duration.ofMillis(2),
        () -> true,
        Clock.systemUTC());
  }

  private static IndexWrite write(String id) {
    Article a = Article.builder().id(id).title(id).body("text of " + id).build();
    return new IndexWrite(new EnrichedArticle(a, Fingerprint.NONE), a.body());
  }

  private static WriteOutcome indexed(IndexWrite w) {
    return new WriteOutcome(w.id(), WriteOutcome.Status.indexed, null, w.article());
  }
}
