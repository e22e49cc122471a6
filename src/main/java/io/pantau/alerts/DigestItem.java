package io.pantau.alerts;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/** A match waiting for its rule's digest (table {@code alert_digest_item}). */
@Entity
@Table(name = "alert_digest_item")
public class DigestItem extends PanacheEntityBase {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(name = "rule_id", nullable = false)
  public Long ruleId;

  @Column(name = "article_id", nullable = false, length = 64)
  public String articleId;

  @Column(name = "story_id", length = 64)
  public String storyId;

  /** The {@link AlertPayload.Match} as JSON. */
  @Column(nullable = false, length = 4000)
  public String payload;

  @Column(name = "matched_at", nullable = false)
  public Instant matchedAt;

  /** When the digest holding this match goes out: matched at plus the rule's digest minutes. */
  @Column(name = "due_at", nullable = false)
  public Instant dueAt;

  private static final String INSERT =
      "INSERT INTO alert_digest_item (rule_id, article_id, story_id, payload, matched_at, due_at)"
          + " VALUES (?, ?, ?, ?, ?, ?)";

  /** Stores new items as one JDBC batch ({@link JdbcBatch}), in the caller's transaction. */
  static void insertAll(List<DigestItem> items) {
    JdbcBatch.insert(
        INSERT,
        items,
        (ps, i) -> {
          ps.setLong(1, i.ruleId);
          ps.setString(2, i.articleId);
          ps.setString(3, i.storyId);
          ps.setString(4, i.payload);
          ps.setObject(5, JdbcBatch.timestamp(i.matchedAt));
          ps.setObject(6, JdbcBatch.timestamp(i.dueAt));
        });
  }
}
