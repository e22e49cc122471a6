package io.pantau.alerts;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

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
}
