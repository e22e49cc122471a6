package io.pantau.alerts;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import java.time.Instant;

/**
 * The story ledger in table {@code alert_story}, whose primary key (rule, story) makes "one
 * notification per rule and story" hold across threads and restarts.
 */
@ApplicationScoped
class DbStoryLedger implements NoiseFilter.StoryLedger {
  @Override
  public boolean claim(long ruleId, String storyId, String articleId, Instant now) {
    try {
      return QuarkusTransaction.requiringNew()
          .call(
              () -> {
                Number seen =
                    (Number)
                        Panache.getEntityManager()
                            .createNativeQuery(
                                "SELECT COUNT(*) FROM alert_story WHERE rule_id = ?1 AND story_id = ?2")
                            .setParameter(1, ruleId)
                            .setParameter(2, storyId)
                            .getSingleResult();
                if (seen.longValue() > 0) {
                  return false;
                }
                Panache.getEntityManager()
                    .createNativeQuery(
                        "INSERT INTO alert_story (rule_id, story_id, article_id, notified_at)"
                            + " VALUES (?1, ?2, ?3, ?4)")
                    .setParameter(1, ruleId)
                    .setParameter(2, storyId)
                    .setParameter(3, articleId)
                    .setParameter(4, now)
                    .executeUpdate();
                return true;
              });
    } catch (PersistenceException e) {
      // Another thread claimed it between the look and the insert: the key said no.
      return false;
    }
  }
}
