package io.pantau.alerts;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A stored alert rule (table {@code alert_rule}); only this package reads or writes it. */
@Entity
@Table(name = "alert_rule")
public class AlertRule extends PanacheEntityBase {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(nullable = false, length = 200)
  public String name;

  @Column(nullable = false, length = 1000)
  public String query;

  @Enumerated(EnumType.STRING)
  @Column(name = "rule_type", nullable = false, length = 20)
  public AlertType type;

  public Double threshold;

  @Column(name = "window_seconds")
  public Long windowSeconds;

  @Column(name = "baseline_windows")
  public Integer baselineWindows;

  @Column(name = "min_articles")
  public Integer minArticles;

  /** JSON array of {@link AlertChannel}. */
  @Column(nullable = false, length = 4000)
  public String channels;

  @Column(nullable = false, length = 100)
  public String secret;

  @Column(nullable = false)
  public boolean enabled;

  @Column(name = "muted_until")
  public Instant mutedUntil;

  @Column(name = "digest_minutes", nullable = false)
  public int digestMinutes;

  @Column(nullable = false, length = 100)
  public String owner;

  @Column(name = "last_fired_at")
  public Instant lastFiredAt;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;
}
