package io.pantau.analytics;

/** A kind of named entity, with the article field that holds its canonical names. */
public enum EntityType {
  person("entities.persons"),
  organization("entities.organizations"),
  place("entities.places");

  final String field;

  EntityType(String field) {
    this.field = field;
  }
}
