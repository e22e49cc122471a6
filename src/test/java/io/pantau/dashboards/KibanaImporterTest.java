package io.pantau.dashboards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pantau.testsupport.FakeKibana;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The importer against a local server that checks requests the way Kibana's import route does. */
class KibanaImporterTest {

  @TempDir Path folder;
  private final FakeKibana kibana = new FakeKibana();

  @AfterEach
  void stopFakeKibana() {
    kibana.close();
  }

  private URI uri() {
    return kibana.uri();
  }

  private Path write(String name, String content) throws IOException {
    return Files.writeString(folder.resolve(name), content, StandardCharsets.UTF_8);
  }

  @Test
  void uploadsEachNdjsonFileAsItIsOnceKibanaIsAvailable() throws IOException {
    kibana.unavailableAnswers = 2;
    String content = Files.readString(DashboardCatalog.FILE, StandardCharsets.UTF_8);
    write("pantau-dashboards.ndjson", content);
    write("README.txt", "not a saved-object file");
    ByteArrayOutputStream log = new ByteArrayOutputStream();

    int status = importer(Optional.empty()).importAll(uri(), new PrintStream(log, true));

    assertEquals(0, status, log.toString());
    assertEquals(List.of(), kibana.problems);
    assertEquals(1, kibana.uploads.size());
    assertEquals(content, new String(kibana.uploads.get(0), StandardCharsets.UTF_8));
    assertTrue(kibana.statusCalls.get() >= 3, "waited through the 503 answers");
    assertTrue(log.toString().contains("imported pantau-dashboards.ndjson"), log.toString());
  }

  @Test
  void sendsBasicAuthWhenGiven() throws IOException {
    kibana.expectedAuth = "elastic:s3cret";
    write("a.ndjson", "{\"type\":\"index-pattern\",\"id\":\"x\",\"attributes\":{}}\n");

    int status =
        importer(Optional.of("elastic:s3cret"))
            .importAll(uri(), new PrintStream(new ByteArrayOutputStream()));

    assertEquals(0, status);
    assertEquals(List.of(), kibana.problems);
  }

  @Test
  void reportsKibanasErrorsAndFailsWhenTheImportIsNotASuccess() throws IOException {
    kibana.importAnswer =
        "{\"success\":false,\"successCount\":0,\"errors\":[{\"id\":\"pantau-x\",\"type\":\"lens\","
            + "\"error\":{\"type\":\"missing_references\"}}]}";
    write("a.ndjson", "{}\n");
    ByteArrayOutputStream log = new ByteArrayOutputStream();

    int status = importer(Optional.empty()).importAll(uri(), new PrintStream(log, true));

    assertEquals(1, status);
    assertTrue(log.toString().contains("missing_references"), log.toString());
  }

  @Test
  void givesUpWhenKibanaNeverBecomesAvailable() throws IOException {
    kibana.unavailableAnswers = Integer.MAX_VALUE;
    write("a.ndjson", "{}\n");
    ByteArrayOutputStream log = new ByteArrayOutputStream();

    int status =
        new KibanaImporter(folder, Optional.empty(), Duration.ofMillis(300))
            .importAll(uri(), new PrintStream(log, true));

    assertEquals(2, status);
    assertTrue(kibana.uploads.isEmpty());
    assertTrue(log.toString().contains("not available"), log.toString());
  }

  @Test
  void failsWithoutFilesToImport() {
    int status =
        importer(Optional.empty()).importAll(uri(), new PrintStream(new ByteArrayOutputStream()));

    assertEquals(2, status);
    assertEquals(0, kibana.statusCalls.get());
  }

  private KibanaImporter importer(Optional<String> auth) {
    return new KibanaImporter(folder, auth, Duration.ofSeconds(20));
  }
}
