package io.pantau.index;

/**
 * The time the current thread spent waiting for Elasticsearch in analytics requests since it last
 * asked. Analytics calls are synchronous on the caller's thread, so a caller that brackets one call
 * with {@link #reset()} and {@link #nanos()} learns how much of its time was Elasticsearch's: the
 * web layer reports it in the {@code Server-Timing} header.
 */
public final class SearchTime {
  private static final ThreadLocal<long[]> SPENT = ThreadLocal.withInitial(() -> new long[1]);

  private SearchTime() {}

  /** Starts counting from zero on this thread. */
  public static void reset() {
    SPENT.get()[0] = 0;
  }

  /** Nanoseconds this thread waited for Elasticsearch since {@link #reset()}. */
  public static long nanos() {
    return SPENT.get()[0];
  }

  static void add(long nanos) {
    SPENT.get()[0] += nanos;
  }
}
