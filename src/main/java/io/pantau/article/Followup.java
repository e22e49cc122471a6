package io.pantau.article;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The work still owed on stored articles after their {@link ArticleIndexed} events. Ingest holds
 * one for each batch and marks the batch done in its journal only when every listener that took an
 * article on has finished with it; a stop or a crash in between leaves the batch undone, so it is
 * replayed, and announced again, at the next start.
 *
 * <p>A listener that deals with an article later than the event (alert matching, off the ingest
 * thread) calls {@link #take()} while it observes the event and runs what that returns once it is
 * done. A listener that finishes inside the event needs nothing.
 */
public final class Followup {
  private final AtomicInteger open = new AtomicInteger(1);
  private final Runnable whenDone;

  /**
   * @param whenDone run once, on the thread that finishes the last piece of work
   */
  public Followup(Runnable whenDone) {
    this.whenDone = whenDone;
  }

  /** A follow-up nobody waits for. */
  public static Followup none() {
    return new Followup(() -> {});
  }

  /**
   * Takes on work for one article; run the result once it is done. Running it more than once counts
   * once, and never running it keeps the owner waiting (what a stop in the middle should do).
   */
  public Runnable take() {
    open.incrementAndGet();
    AtomicBoolean ran = new AtomicBoolean();
    return () -> {
      if (ran.compareAndSet(false, true)) {
        release();
      }
    };
  }

  /** The owner's own hold, released once it has announced every article of the batch. */
  public void release() {
    if (open.decrementAndGet() == 0) {
      whenDone.run();
    }
  }
}
