package io.pantau.reports;

/** A report schedule that cannot be stored as asked; the message names the field and the fix. */
public class InvalidScheduleException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String field;

  InvalidScheduleException(String field, String message) {
    super(message);
    this.field = field;
  }

  /** The request field at fault. */
  public String field() {
    return field;
  }
}
