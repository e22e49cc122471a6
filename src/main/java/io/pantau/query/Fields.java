package io.pantau.query;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The field names of the query language. */
final class Fields {
  static final String NAMES =
      Stream.concat(
              Stream.of(TextField.TITLE, TextField.BODY).map(TextField::queryName),
              Arrays.stream(ExactField.values()).map(ExactField::queryName))
          .collect(Collectors.joining(", "));

  private Fields() {}

  static boolean isKnown(String lowerCaseName) {
    return text(lowerCaseName).isPresent() || exact(lowerCaseName).isPresent();
  }

  static Optional<TextField> text(String lowerCaseName) {
    return switch (lowerCaseName) {
      case "title" -> Optional.of(TextField.TITLE);
      case "body" -> Optional.of(TextField.BODY);
      default -> Optional.empty();
    };
  }

  static Optional<ExactField> exact(String lowerCaseName) {
    return Arrays.stream(ExactField.values())
        .filter(f -> f.queryName().equals(lowerCaseName.toLowerCase(Locale.ROOT)))
        .findFirst();
  }
}
