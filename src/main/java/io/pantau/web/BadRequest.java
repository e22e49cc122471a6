package io.pantau.web;

import java.util.List;

/** A request the client must fix; answered 400 (or the given 4xx) with the details. */
class BadRequest extends RuntimeException {
  final int status;
  final List<Problem.ItemError> errors;

  BadRequest(String message) {
    this(400, message, List.of());
  }

  BadRequest(int status, String message, List<Problem.ItemError> errors) {
    super(message);
    this.status = status;
    this.errors = List.copyOf(errors);
  }
}
