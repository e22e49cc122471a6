package io.pantau.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Decides whether the database tests may run in the build's PostgreSQL execution (system property
 * {@code tests.database=postgresql}; inert anywhere else). Without {@code PANTAU_TEST_DB_URL} they
 * are skipped with a message, unless {@code PANTAU_TEST_DB_REQUIRED=true} (set by {@code .ci/run}),
 * which turns the absence into a failure so CI cannot skip them silently. Before the first test the
 * database's {@code public} schema is emptied, so every run starts from a fresh database as the H2
 * runs do.
 */
public class PostgresGate implements ExecutionCondition {
  static final String URL = "PANTAU_TEST_DB_URL";
  static final String REQUIRED = "PANTAU_TEST_DB_REQUIRED";

  private static ConditionEvaluationResult decided;

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    if (!"postgresql".equals(System.getProperty("tests.database"))) {
      return ConditionEvaluationResult.enabled("not the PostgreSQL run");
    }
    return decide();
  }

  private static synchronized ConditionEvaluationResult decide() {
    if (decided == null) {
      decided = firstDecision();
    }
    return decided;
  }

  private static ConditionEvaluationResult firstDecision() {
    String url = System.getenv(URL);
    if (url == null || url.isBlank()) {
      if ("true".equalsIgnoreCase(System.getenv(REQUIRED))) {
        throw new IllegalStateException(
            REQUIRED + "=true but " + URL + " is not set: the PostgreSQL tests cannot run");
      }
      String why =
          "PostgreSQL database tests skipped: set "
              + URL
              + " (and PANTAU_TEST_DB_USER, PANTAU_TEST_DB_PASSWORD) to run them; see README";
      System.out.println(why);
      return ConditionEvaluationResult.disabled(why);
    }
    try (Connection c =
            DriverManager.getConnection(
                url,
                System.getenv("PANTAU_TEST_DB_USER"),
                System.getenv("PANTAU_TEST_DB_PASSWORD"));
        Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA IF EXISTS public CASCADE");
      s.execute("CREATE SCHEMA public");
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot prepare the PostgreSQL test database " + url, e);
    }
    System.out.println("Database tests run against PostgreSQL at " + url);
    return ConditionEvaluationResult.enabled("PostgreSQL at " + url);
  }
}
