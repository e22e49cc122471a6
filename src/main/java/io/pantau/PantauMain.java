package io.pantau;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Pantau's entry point. With no arguments it serves the API and UI until stopped; {@code import
 * PATH} loads a file or folder of articles and exits.
 */
@QuarkusMain
public final class PantauMain {
  /**
   * Read by Quarkus's HTTP layer when it starts: off, it no longer answers an invalid request
   * target with a bare 400 and leaves it to {@code web.RequestTargetCheck}, which answers with a
   * problem body.
   */
  static final String URI_VALIDATION_OFF = "vertx.disableURIValidation";

  public static void main(String... args) {
    if (System.getProperty(URI_VALIDATION_OFF) == null) {
      System.setProperty(URI_VALIDATION_OFF, "true");
    }
    Quarkus.run(PantauCommand.class, args);
  }
}
