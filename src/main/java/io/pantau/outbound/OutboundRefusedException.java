package io.pantau.outbound;

/** A URL that Pantau will not connect to; the message says why. */
public class OutboundRefusedException extends RuntimeException {
  public OutboundRefusedException(String message) {
    super(message);
  }
}
