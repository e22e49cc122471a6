package io.pantau.article;

/**
 * The tone of the sentences of an article that mention one entity.
 *
 * @param name the entity's canonical name, as in {@link Entities}
 * @param type {@code person}, {@code organization} or {@code place}
 * @param score from -1 (most negative) to 1 (most positive)
 * @param label the coarse class of the score
 * @param mentions how many times the article mentions the entity, aliases included
 */
public record EntitySentiment(
    String name, String type, double score, SentimentLabel label, int mentions) {
  public static final String PERSON = "person";
  public static final String ORGANIZATION = "organization";
  public static final String PLACE = "place";

  public EntitySentiment {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("entity name is required");
    }
    if (!PERSON.equals(type) && !ORGANIZATION.equals(type) && !PLACE.equals(type)) {
      throw new IllegalArgumentException("entity type must be person, organization or place");
    }
    if (Double.isNaN(score) || score < -1 || score > 1) {
      throw new IllegalArgumentException("sentiment score outside -1..1: " + score);
    }
    if (label == null) {
      throw new IllegalArgumentException("sentiment label is required");
    }
    if (mentions < 1) {
      throw new IllegalArgumentException("mentions < 1");
    }
  }
}
