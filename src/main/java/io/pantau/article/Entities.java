package io.pantau.article;

import java.util.List;

/** Canonical names of the entities an article mentions, most salient first. */
public record Entities(List<String> persons, List<String> organizations, List<String> places) {
  public static final Entities NONE = new Entities(List.of(), List.of(), List.of());

  public Entities {
    persons = persons == null ? List.of() : List.copyOf(persons);
    organizations = organizations == null ? List.of() : List.copyOf(organizations);
    places = places == null ? List.of() : List.copyOf(places);
  }
}
