package io.pantau.testsupport;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jboss.logmanager.ExtLogRecord;

/**
 * Everything the application logs while it listens, for tests of what may and may not be logged.
 */
public final class LogCapture extends Handler {
  /**
   * One log record.
   *
   * @param logger the logger's name
   * @param message the message with its parameters filled in
   * @param thrown the stack trace printed, or null
   */
  public record Line(String logger, String message, String thrown) {}

  private final Queue<Line> lines = new ConcurrentLinkedQueue<>();

  private LogCapture() {
    setLevel(Level.ALL);
  }

  /** Starts listening on the root logger; {@link #stop()} it in the test's clean-up. */
  public static LogCapture start() {
    LogCapture c = new LogCapture();
    Logger.getLogger("").addHandler(c);
    return c;
  }

  public void stop() {
    Logger.getLogger("").removeHandler(this);
  }

  /** What was logged so far, oldest first. */
  public List<Line> lines() {
    return List.copyOf(lines);
  }

  @Override
  public void publish(LogRecord r) {
    String message =
        r instanceof ExtLogRecord e ? e.getFormattedMessage() : String.valueOf(r.getMessage());
    String thrown = null;
    if (r.getThrown() != null) {
      StringWriter w = new StringWriter();
      r.getThrown().printStackTrace(new PrintWriter(w));
      thrown = w.toString();
    }
    lines.add(new Line(r.getLoggerName(), message, thrown));
  }

  @Override
  public void flush() {}

  @Override
  public void close() {}
}
