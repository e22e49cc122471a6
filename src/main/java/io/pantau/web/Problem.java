package io.pantau.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An RFC 9457 problem body.
 *
 * @param type a URI naming the kind of problem ("about:blank" for plain HTTP statuses)
 * @param title a short summary of the kind of problem
 * @param status the HTTP status
 * @param detail what went wrong this time, for a human
 * @param errors per-field or per-item problems
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(
    String type, String title, int status, String detail, List<ItemError> errors) {
  public static final String MEDIA_TYPE = "application/problem+json";

  /** One problem with one field or item. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record ItemError(String field, Integer index, Integer line, String message) {}

  static Problem of(int status, String title, String detail) {
    return new Problem("about:blank", title, status, detail, List.of());
  }
}
