package io.pantau.reports;

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

/** A saved report definition: what to report on, over which recent period, when, to whom. */
@Entity
@Table(name = "report_schedule")
class ReportSchedule extends PanacheEntityBase {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(nullable = false, length = 200)
  public String name;

  /** The Pantau query; empty for every article. */
  @Column(nullable = false, length = 1000)
  public String query;

  /** Comma-separated sources; empty for all. */
  @Column(nullable = false, length = 2000)
  public String sources;

  /** Comma-separated languages; empty for all. */
  @Column(nullable = false, length = 200)
  public String langs;

  @Column(nullable = false, length = 64)
  public String tz;

  /** Each run reports on the period of this length that ends when it runs. */
  @Column(name = "period_seconds", nullable = false)
  public long periodSeconds;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 8)
  public ReportFormat format;

  /** Quartz cron expression, evaluated in UTC. */
  @Column(nullable = false, length = 120)
  public String cron;

  /** Comma-separated e-mail addresses. */
  @Column(nullable = false, length = 2000)
  public String recipients;

  @Column(nullable = false)
  public boolean enabled;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "last_run_at")
  public Instant lastRunAt;

  /** "sent to N recipients" or what went wrong, of the last run. */
  @Column(name = "last_status", length = 1000)
  public String lastStatus;
}
