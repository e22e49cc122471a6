package io.pantau.alerts;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One notification to one channel and how its delivery went (table {@code alert_event}). */
@Entity
@Table(name = "alert_event")
public class AlertEvent extends PanacheEntityBase {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(name = "rule_id", nullable = false)
  public Long ruleId;

  @Column(name = "fired_at", nullable = false)
  public Instant firedAt;

  /** match, digest, volume_spike or sentiment_shift. */
  @Column(nullable = false, length = 20)
  public String kind;

  @Column(name = "story_id", length = 64)
  public String storyId;

  /** Comma-separated article ids. */
  @Column(name = "article_ids", nullable = false, length = 4000)
  public String articleIds;

  @Column(nullable = false, length = 600)
  public String channel;

  /** pending, delivered or failed. */
  @Column(nullable = false, length = 20)
  public String status;

  @Column(nullable = false)
  public int attempts;

  @Column(name = "last_error", length = 1000)
  public String lastError;

  @Column(length = 2000)
  public String summary;

  /** The id receivers see in {@code X-Pantau-Delivery}, the same on every attempt. */
  @Column(name = "delivery_id", length = 36)
  public String deliveryId;

  /** The JSON body as sent, kept so that a pending event is delivered after a restart. */
  @Column(length = Delivery.MAX_KEPT_BODY)
  public String body;
}
