package io.pantau.feeds;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/** A registered feed and its polling state. */
@Entity
@Table(name = "feed")
public class Feed extends PanacheEntityBase {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(nullable = false, length = 2048)
  public String url;

  @Column(length = 1000)
  public String title;

  /** The source name given to the feed's articles (the feed's host unless set). */
  @Column(nullable = false, length = 200)
  public String source;

  @Column(nullable = false)
  public boolean enabled;

  @Column(name = "poll_minutes", nullable = false)
  public int pollMinutes;

  @Column(length = 1000)
  public String etag;

  @Column(name = "last_modified", length = 100)
  public String lastModified;

  @Column(name = "last_polled_at")
  public Instant lastPolledAt;

  @Column(name = "last_success_at")
  public Instant lastSuccessAt;

  @Column(name = "next_poll_at")
  public Instant nextPollAt;

  /** Items taken from the feed so far (each counted once). */
  @Column(name = "items_seen", nullable = false)
  public long itemsSeen;

  /** Articles newly indexed from the feed's items. */
  @Column(name = "items_ingested", nullable = false)
  public long itemsIngested;

  @Column(name = "error_count", nullable = false)
  public long errorCount;

  @Column(name = "consecutive_errors", nullable = false)
  public int consecutiveErrors;

  @Column(name = "last_error", length = 1000)
  public String lastError;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  static Optional<Feed> findByUrl(String url) {
    return find("url", url).firstResultOptional();
  }
}
