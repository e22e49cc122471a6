package io.pantau.feeds;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/** One item of a feed already taken, by the SHA-256 of its link (or GUID). */
@Entity
@Table(name = "feed_seen_item")
public class SeenItem extends PanacheEntityBase {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(name = "feed_id", nullable = false)
  public long feedId;

  @Column(name = "item_key", nullable = false, length = 64)
  public String itemKey;

  @Column(name = "seen_at", nullable = false)
  public Instant seenAt;

  static Set<String> keysOf(long feedId) {
    return new HashSet<>(
        getEntityManager()
            .createQuery("select s.itemKey from SeenItem s where s.feedId = :feed", String.class)
            .setParameter("feed", feedId)
            .getResultList());
  }

  /** Keeps the newest {@code keep} items of the feed; older ones are forgotten. */
  static void prune(long feedId, int keep) {
    SeenItem oldestKept =
        find("feedId = ?1 order by id desc", feedId).page(keep - 1, 1).firstResult();
    if (oldestKept != null) {
      delete("feedId = ?1 and id < ?2", feedId, oldestKept.id);
    }
  }
}
