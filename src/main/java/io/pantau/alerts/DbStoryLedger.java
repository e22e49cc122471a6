package io.pantau.alerts;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

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
                insertAll(Set.of(ruleId), storyId, articleId, now);
                return true;
              });
    } catch (PersistenceException e) {
      // Another thread claimed it between the look and the insert: the key said no.
      return false;
    }
  }

  /**
   * One transaction for every rule an article matched (the caller's, when it has one): one look-up
   * of the rules that already have the story, then an insert per new claim. When another thread
   * claims one of them meanwhile the key refuses the insert; in the caller's transaction that fails
   * the caller, who tries again, and in its own the claims are made one by one instead.
   */
  @Override
  public Set<Long> claimAll(List<Long> ruleIds, String storyId, String articleId, Instant now) {
    boolean joined = QuarkusTransaction.isActive();
    try {
      return QuarkusTransaction.joiningExisting()
          .call(
              () -> {
                EntityManager em = Panache.getEntityManager();
                // every rule that has the story, through the (story_id, rule_id) index: a story
                // is claimed by few rules, while each rule holds many stories
                Set<Long> seen = new HashSet<>();
                em.createNativeQuery("SELECT rule_id FROM alert_story WHERE story_id = :story")
                    .setParameter("story", storyId)
                    .getResultList()
                    .forEach(r -> seen.add(((Number) r).longValue()));
                Set<Long> claimed = new LinkedHashSet<>();
                for (long id : ruleIds) {
                  if (!seen.contains(id)) {
                    claimed.add(id);
                  }
                }
                insertAll(claimed, storyId, articleId, now);
                return claimed;
              });
    } catch (PersistenceException e) {
      if (joined) {
        throw e;
      }
      return NoiseFilter.StoryLedger.super.claimAll(ruleIds, storyId, articleId, now);
    }
  }

  private static final String INSERT =
      "INSERT INTO alert_story (rule_id, story_id, article_id, notified_at) VALUES (?, ?, ?, ?)";

  private static void insertAll(Set<Long> ruleIds, String storyId, String articleId, Instant now) {
    JdbcBatch.insert(
        INSERT,
        ruleIds,
        (ps, id) -> {
          ps.setLong(1, id);
          ps.setString(2, storyId);
          ps.setString(3, articleId);
          ps.setObject(4, JdbcBatch.timestamp(now));
        });
  }
}
