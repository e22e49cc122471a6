package io.pantau.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class StoryResolverRecentAgeTest {
  @Test
  void writtenArticlesAreRememberedForTwiceTheRefreshIntervalAndTwoSeconds() {
    assertEquals(Duration.ofSeconds(12), StoryResolver.recentAge("5s"));
    assertEquals(Duration.ofSeconds(4), StoryResolver.recentAge("1s"));
    assertEquals(Duration.ofSeconds(3), StoryResolver.recentAge("500ms"));
    assertEquals(Duration.ofSeconds(122), StoryResolver.recentAge("1m"));
  }

  @Test
  void anIntervalThatIsOffOrUnreadableKeepsTheDefault() {
    Duration fallback = StoryResolver.DEFAULT_RECENT_AGE;
    assertEquals(fallback, StoryResolver.recentAge("-1"));
    assertEquals(fallback, StoryResolver.recentAge("0s"));
    assertEquals(fallback, StoryResolver.recentAge(null));
    assertEquals(fallback, StoryResolver.recentAge("soon"));
    assertEquals(fallback, StoryResolver.recentAge("99999999999999999999s"));
  }
}
