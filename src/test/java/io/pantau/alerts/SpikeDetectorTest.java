package io.pantau.alerts;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class SpikeDetectorTest {
  @Test
  void steadyVolumeDoesNotFire() {
    assertFalse(SpikeDetector.volume(11, List.of(10L, 9L, 12L, 11L, 10L, 8L), 3, 5).fire());
  }

  @Test
  void aBurstFarAboveTheBaselineFires() {
    assertTrue(SpikeDetector.volume(40, List.of(10L, 9L, 12L, 11L, 10L, 8L), 3, 5).fire());
  }

  @Test
  void aFewArticlesOverAnEmptyBaselineAreNotASpike() {
    assertFalse(SpikeDetector.volume(3, Collections.nCopies(24, 0L), 3, 5).fire());
    assertTrue(SpikeDetector.volume(6, Collections.nCopies(24, 0L), 3, 5).fire());
  }

  @Test
  void sentimentFiresOnAShiftInEitherDirectionOnly() {
    List<OptionalDouble> flat =
        List.of(
            OptionalDouble.of(0.1),
            OptionalDouble.of(0.12),
            OptionalDouble.of(0.08),
            OptionalDouble.empty(),
            OptionalDouble.of(0.1));
    assertFalse(SpikeDetector.sentiment(OptionalDouble.of(0.13), 10, flat, 3, 5).fire());
    assertTrue(SpikeDetector.sentiment(OptionalDouble.of(-0.6), 10, flat, 3, 5).fire());
    assertTrue(SpikeDetector.sentiment(OptionalDouble.of(0.8), 10, flat, 3, 5).fire());
    assertFalse(SpikeDetector.sentiment(OptionalDouble.of(-0.6), 2, flat, 3, 5).fire());
  }
}
