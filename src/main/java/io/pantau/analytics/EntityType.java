package io.pantau.analytics;

import io.pantau.index.Fields;

/** A kind of named entity, with the article field that holds its canonical names. */
public enum EntityType {
  person(Fields.ENTITIES_PERSONS),
  organization(Fields.ENTITIES_ORGANIZATIONS),
  place(Fields.ENTITIES_PLACES);

  final String field;

  EntityType(String field) {
    this.field = field;
  }
}
