package io.pantau.dashboards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pantau.testsupport.FakeKibana;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Runs {@code dashboards/import.sh} with sh and curl against a fake Kibana. */
class ImportScriptTest {
  private final FakeKibana kibana = new FakeKibana();

  record Run(int status, String output) {}

  @BeforeAll
  static void needsShAndCurl() {
    for (String tool : List.of("sh", "curl")) {
      boolean found =
          Arrays.stream(System.getenv("PATH").split(":"))
              .anyMatch(dir -> Files.isExecutable(Path.of(dir, tool)));
      Assumptions.assumeTrue(found, tool + " is not on the PATH");
    }
  }

  @AfterEach
  void stop() {
    kibana.close();
  }

  private Run run(Map<String, String> env) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder("sh", "dashboards/import.sh").redirectErrorStream(true);
    pb.environment().remove("KIBANA_AUTH");
    pb.environment().put("KIBANA_URL", kibana.uri() + "/");
    pb.environment().putAll(env);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the script ends");
    return new Run(p.exitValue(), out);
  }

  @Test
  void importsTheCommittedBundleWithAuthOnceKibanaIsAvailable() throws Exception {
    kibana.unavailableAnswers = 1;
    kibana.expectedAuth = "elastic:pw";

    Run r = run(Map.of("KIBANA_AUTH", "elastic:pw"));

    assertEquals(0, r.status(), r.output());
    assertEquals(List.of(), kibana.problems);
    assertEquals(1, kibana.uploads.size());
    assertEquals(
        Files.readString(DashboardCatalog.FILE, StandardCharsets.UTF_8),
        new String(kibana.uploads.get(0), StandardCharsets.UTF_8));
    assertTrue(r.output().contains("imported pantau-dashboards.ndjson"), r.output());
  }

  @Test
  void exitsNonZeroWithKibanasErrorsWhenTheImportFails() throws Exception {
    kibana.importAnswer =
        "{\"success\":false,\"errors\":[{\"id\":\"pantau-x\",\"error\":{\"type\":\"unknown\"}}]}";

    Run r = run(Map.of());

    assertEquals(1, r.status(), r.output());
    assertTrue(r.output().contains("\"type\":\"unknown\""), r.output());
  }

  @Test
  void givesUpWhenKibanaStaysUnavailable() throws Exception {
    kibana.unavailableAnswers = Integer.MAX_VALUE;

    Run r = run(Map.of("KIBANA_WAIT_SECONDS", "0"));

    assertEquals(2, r.status(), r.output());
    assertTrue(kibana.uploads.isEmpty());
  }
}
