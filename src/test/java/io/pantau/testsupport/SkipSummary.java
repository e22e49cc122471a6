package io.pantau.testsupport;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Prints, once at the end of a test run, every test that did not run and why, grouped by reason.
 * Without {@code ../shared} two dozen tests skip; Maven's per-class lines only count them (and
 * showed "Tests run: 0" for a class whose set-up skipped), so nobody could tell what was not
 * tested. Registered through {@code META-INF/services}, so every run of the JUnit Platform
 * (Surefire, Failsafe, an IDE) prints it.
 */
public class SkipSummary implements TestExecutionListener {
  /** A skipped test's unique id to its name and reason, in the order they were skipped. */
  private final Map<String, Map.Entry<String, String>> skipped = new LinkedHashMap<>();

  private TestPlan plan;

  @Override
  public void testPlanExecutionStarted(TestPlan testPlan) {
    plan = testPlan;
    skipped.clear();
  }

  @Override
  public synchronized void executionSkipped(TestIdentifier id, String reason) {
    record(id, reason);
  }

  @Override
  public synchronized void executionFinished(TestIdentifier id, TestExecutionResult result) {
    if (result.getStatus() == TestExecutionResult.Status.ABORTED) {
      record(
          id, result.getThrowable().map(Throwable::getMessage).orElse("aborted without a message"));
    }
  }

  @Override
  public synchronized void testPlanExecutionFinished(TestPlan testPlan) {
    if (skipped.isEmpty()) {
      return;
    }
    print(System.out);
  }

  /** The summary as printed, for a caller that has it at hand. */
  synchronized void print(PrintStream out) {
    Map<String, List<String>> byReason = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : skipped.values()) {
      byReason.computeIfAbsent(e.getValue(), r -> new ArrayList<>()).add(e.getKey());
    }
    StringBuilder b = new StringBuilder();
    b.append("\n=== Skipped ")
        .append(skipped.size())
        .append(skipped.size() == 1 ? " test" : " tests")
        .append(" (not run, so not checked) ===\n");
    byReason.forEach(
        (reason, tests) -> {
          b.append(tests.size()).append(" because: ").append(reason).append('\n');
          tests.forEach(t -> b.append("    ").append(t).append('\n'));
        });
    if (byReason.keySet().stream().anyMatch(SkipSummary::aboutShared)) {
      b.append(
          "Tests whose reason names the shared folder need its seeds and data sets at"
              + " ../shared, or -Dshared.dir=<folder>.\n");
    }
    b.append("=== end of skipped tests ===");
    out.println(b);
    out.flush();
  }

  private static boolean aboutShared(String reason) {
    return reason != null && reason.toLowerCase(Locale.ROOT).contains("shared");
  }

  /**
   * A skipped or aborted test, or every test under a skipped or aborted class (whose tests never
   * start, so they get no event of their own).
   */
  private void record(TestIdentifier id, String reason) {
    String why = reason == null || reason.isBlank() ? "no reason given" : reason.strip();
    if (id.isTest()) {
      put(id, why);
      return;
    }
    if (plan == null) {
      put(id, why);
      return;
    }
    List<TestIdentifier> tests = new ArrayList<>();
    collectTests(id, tests);
    if (tests.isEmpty()) {
      put(id, why);
    }
    tests.forEach(t -> put(t, why));
  }

  private void collectTests(TestIdentifier container, List<TestIdentifier> into) {
    for (TestIdentifier child : plan.getChildren(container)) {
      if (child.isTest()) {
        into.add(child);
      } else {
        collectTests(child, into);
      }
    }
  }

  private void put(TestIdentifier id, String reason) {
    skipped.putIfAbsent(id.getUniqueId(), Map.entry(name(id), reason));
  }

  private static String name(TestIdentifier id) {
    Optional<String> where =
        id.getSource()
            .map(
                s -> {
                  if (s instanceof MethodSource m) {
                    String method = simple(m.getClassName()) + "." + m.getMethodName();
                    // Invocations of one parameterized test share the method; their display
                    // names tell them apart.
                    return id.getDisplayName().startsWith(m.getMethodName())
                        ? method
                        : method + " " + id.getDisplayName();
                  }
                  if (s instanceof ClassSource c) {
                    return simple(c.getClassName());
                  }
                  return null;
                });
    return where.orElse(id.getDisplayName());
  }

  private static String simple(String className) {
    return className.substring(className.lastIndexOf('.') + 1);
  }
}
