package io.pantau.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pantau.article.Fingerprint;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class StoryResolverBandIndexTest {
  private static StoryResolver.Recent recent(String id) {
    return new StoryResolver.Recent(
        new StoryResolver.Candidate(id, id, null, Instant.EPOCH, Fingerprint.NONE), Instant.EPOCH);
  }

  @Test
  void keepsEachBandsArticlesInOrderAndForgetsThem() {
    StoryResolver.BandIndex index = new StoryResolver.BandIndex();
    StoryResolver.Recent a = recent("a");
    StoryResolver.Recent b = recent("b");
    StoryResolver.Recent c = recent("c");
    index.add("x", a);
    index.add("y", a);
    index.add("x", b);
    index.add("x", c);
    index.add("x", b);
    assertEquals(List.of(a, b, c), index.get("x"));
    assertEquals(List.of(a), index.get("y"));
    assertEquals(List.of(), index.get("z"));

    index.remove("x", a);
    assertEquals(List.of(b, c), index.get("x"));
    index.remove("x", c);
    assertEquals(List.of(b), index.get("x"));
    index.remove("x", a);
    assertEquals(List.of(b), index.get("x"), "removing one not there changes nothing");
    index.remove("x", b);
    index.remove("y", a);
    assertEquals(List.of(), index.get("x"));
    assertEquals(0, index.keys());
  }

  @Test
  void anArticleAddedTwiceToABandIsThereOnce() {
    StoryResolver.BandIndex index = new StoryResolver.BandIndex();
    StoryResolver.Recent a = recent("a");
    index.add("x", a);
    index.add("x", a);
    assertEquals(List.of(a), index.get("x"));
    index.remove("x", a);
    assertEquals(0, index.keys());
  }
}
