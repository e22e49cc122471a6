package io.pantau;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The migrations on a fresh H2 file database, then rows written through connections opened after
 * the migrating one closed while the database stayed open, as in Pantau's connection pool. H2
 * 2.4.240 refused every such insert into a table with a {@code CHECK (x IN (...))} constraint, so
 * no alert rule could be saved.
 */
class MigrationsTest {

  @Test
  void rowsPassTheirCheckConstraintsOnLaterConnections(@TempDir Path dir) throws SQLException {
    String url = "jdbc:h2:" + dir.resolve("pantau").toAbsolutePath();
    try (Connection pool = DriverManager.getConnection(url, "pantau", "")) {
      Flyway.configure().dataSource(url, "pantau", "").load().migrate();
      insertRules(url);
      assertEquals(3, pool.createStatement().executeUpdate("DELETE FROM alert_event"));
    }
  }

  private static void insertRules(String url) throws SQLException {

    long ruleId = 0;
    for (String type : new String[] {"match", "volume_spike", "sentiment_shift"}) {
      try (Connection c = DriverManager.getConnection(url, "pantau", "");
          PreparedStatement insert =
              c.prepareStatement(
                  "INSERT INTO alert_rule (name, query, rule_type, channels, secret, enabled,"
                      + " digest_minutes, owner, created_at, updated_at, id)"
                      + " VALUES (?, 'banjir', ?, '[]', 's', TRUE, 0, 'test', ?, ?, DEFAULT)",
                  Statement.RETURN_GENERATED_KEYS)) {
        OffsetDateTime now = OffsetDateTime.now();
        insert.setString(1, "rule " + type);
        insert.setString(2, type);
        insert.setObject(3, now);
        insert.setObject(4, now);
        assertEquals(1, insert.executeUpdate());
        try (ResultSet keys = insert.getGeneratedKeys()) {
          keys.next();
          ruleId = keys.getLong(1);
        }
      }
    }
    for (String status : new String[] {"pending", "delivered", "failed"}) {
      try (Connection c = DriverManager.getConnection(url, "pantau", "");
          PreparedStatement insert =
              c.prepareStatement(
                  "INSERT INTO alert_event (rule_id, fired_at, kind, article_ids, channel, status,"
                      + " attempts, id) VALUES (?, ?, 'match', '[]', 'webhook', ?, 0, DEFAULT)")) {
        insert.setLong(1, ruleId);
        insert.setObject(2, OffsetDateTime.now());
        insert.setString(3, status);
        assertEquals(1, insert.executeUpdate());
      }
    }
    try (Connection c = DriverManager.getConnection(url, "pantau", "");
        Statement s = c.createStatement();
        ResultSet counts =
            s.executeQuery(
                "SELECT (SELECT COUNT(*) FROM alert_rule), (SELECT COUNT(*) FROM alert_event)")) {
      counts.next();
      assertEquals(3, counts.getInt(1));
      assertEquals(3, counts.getInt(2));
    }
  }
}
