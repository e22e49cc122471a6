package io.pantau.alerts;

/** A rule that cannot be stored as asked; the message names the field and what to fix. */
public class InvalidAlertException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String field;

  InvalidAlertException(String field, String message) {
    super(message);
    this.field = field;
  }

  /** The request field at fault. */
  public String field() {
    return field;
  }
}
