package io.pantau.security;

import java.util.Locale;
import java.util.Optional;

/** What a key may do. Each role includes the ones before it. */
public enum Role {
  /** Read articles, analytics and reports. */
  viewer,
  /** Viewer, plus ingest, feeds and alerts. */
  editor,
  /** Editor, plus key management. */
  admin;

  public boolean includes(Role required) {
    return ordinal() >= required.ordinal();
  }

  /** The role with this name, case-insensitive. */
  public static Optional<Role> parse(String name) {
    if (name == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(valueOf(name.trim().toLowerCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
