package io.pantau.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ServerTimingTest {
  @Test
  void writesMillisecondsWithTwoDecimals() {
    assertEquals("0.00", ServerTiming.ms(0));
    assertEquals("0.00", ServerTiming.ms(4_999));
    assertEquals("0.01", ServerTiming.ms(5_000));
    assertEquals("0.05", ServerTiming.ms(50_000));
    assertEquals("1.00", ServerTiming.ms(999_999));
    assertEquals("4.69", ServerTiming.ms(4_690_000));
    assertEquals("12.30", ServerTiming.ms(12_300_000));
    assertEquals("1234.57", ServerTiming.ms(1_234_567_890L));
    assertEquals("0.00", ServerTiming.ms(-3), "a clock step back never prints a negative time");
  }

  @Test
  void agreesWithTheFormatterAwayFromHalfwayPoints() {
    Random random = new Random(7);
    for (int i = 0; i < 10_000; i++) {
      long nanos = random.nextInt(50_000_000);
      if (nanos % 10_000 == 5_000) {
        continue; // the formatter rounds halves to even on the binary value
      }
      assertEquals(
          String.format(Locale.ROOT, "%.2f", nanos / 1e6), ServerTiming.ms(nanos), "at " + nanos);
    }
  }
}
