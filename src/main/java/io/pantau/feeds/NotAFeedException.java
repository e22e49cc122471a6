package io.pantau.feeds;

/** The document is not an RSS, Atom or JSON feed; the message says what it looked like. */
class NotAFeedException extends Exception {
  NotAFeedException(String message) {
    super(message);
  }
}
