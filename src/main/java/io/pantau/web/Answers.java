package io.pantau.web;

import java.util.function.Supplier;

/** Calling a feature and answering what it gives, or its refusal as a 400. */
final class Answers {
  private Answers() {}

  /**
   * What {@code call} gives; a feature refuses a question it cannot answer (from after to, too many
   * series) with an {@link IllegalArgumentException}, which answers 400 with its message.
   */
  static <T> T answer(Supplier<T> call) {
    try {
      return call.get();
    } catch (IllegalArgumentException e) {
      throw new BadRequest(e.getMessage() + ".");
    }
  }
}
