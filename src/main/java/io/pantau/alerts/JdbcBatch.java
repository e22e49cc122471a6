package io.pantau.alerts;

import io.quarkus.hibernate.orm.panache.Panache;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import org.hibernate.Session;

/**
 * Rows inserted as one JDBC batch in the caller's transaction. The alert tables take a row per
 * matched rule; a statement per row through Hibernate (and, with identity ids, a key read-back
 * each) cost more than matching when an article matched dozens of rules. A refused row (a key taken
 * meanwhile) fails the whole batch as a {@link jakarta.persistence.PersistenceException}.
 */
final class JdbcBatch {
  private JdbcBatch() {}

  /** Sets one row's parameters. */
  interface Binder<T> {
    void bind(PreparedStatement ps, T row) throws SQLException;
  }

  static <T> void insert(String sql, Collection<T> rows, Binder<T> binder) {
    if (rows.isEmpty()) {
      return;
    }
    Panache.getEntityManager()
        .unwrap(Session.class)
        .doWork(
            c -> {
              try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (T row : rows) {
                  binder.bind(ps, row);
                  ps.addBatch();
                }
                ps.executeBatch();
              }
            });
  }

  /** An instant as a {@code TIMESTAMP WITH TIME ZONE} value, in UTC. */
  static OffsetDateTime timestamp(Instant at) {
    return at.atOffset(ZoneOffset.UTC);
  }
}
