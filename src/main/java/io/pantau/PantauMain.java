package io.pantau;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Pantau's entry point. With no arguments it serves the API and UI until stopped; {@code import
 * PATH} loads a file or folder of articles and exits.
 */
@QuarkusMain
public final class PantauMain {
  public static void main(String... args) {
    Quarkus.run(PantauCommand.class, args);
  }
}
