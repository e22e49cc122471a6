package io.pantau.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClusterSettingsTest {

  private static ClusterSettings read(Map<String, String> values) {
    return ClusterSettings.read(k -> Optional.ofNullable(values.get(k)));
  }

  @Test
  void hostsWithoutASchemeTakeTheProtocolAndPort9200WhenNoneIsGiven() {
    ClusterSettings s =
        read(
            Map.of(
                ClusterSettings.HOSTS, "es1:9201, http://es2 ,https://es3:9443",
                ClusterSettings.PROTOCOL, "HTTPS"));
    assertEquals(
        List.of(
            URI.create("https://es1:9201"),
            URI.create("http://es2:9200"),
            URI.create("https://es3:9443")),
        s.hosts());
    assertTrue(s.tls());
  }

  @Test
  void noHostsMeansTheEmbeddedNode() {
    assertEquals(List.of(), read(Map.of()).hosts());
    assertEquals(Optional.empty(), read(Map.of()).authorization());
  }

  @Test
  void anApiKeyGivenAsIdAndKeyIsEncodedAsElasticsearchReturnsIt() {
    ClusterSettings s =
        read(Map.of(ClusterSettings.API_KEY, "VuaCfGcBCdbkQm-e5aOx:ui2lp2axTNmsyakw9tvNnw"));
    String encoded =
        Base64.getEncoder()
            .encodeToString(
                "VuaCfGcBCdbkQm-e5aOx:ui2lp2axTNmsyakw9tvNnw".getBytes(StandardCharsets.UTF_8));
    assertEquals(Optional.of("ApiKey " + encoded), s.authorization());
    assertEquals(
        Optional.of("ApiKey " + encoded),
        read(Map.of(ClusterSettings.API_KEY, encoded)).authorization());
    assertTrue(s.credentials().contains("id VuaCfGcBCdbkQm-e5aOx"), s.credentials());
    assertFalse(s.credentials().contains("ui2lp2ax"), "the secret stays out of messages");
  }

  @Test
  void aFingerprintMayHaveColonsAndUpperCase() {
    String hex = "a".repeat(62) + "0F";
    StringBuilder colons = new StringBuilder();
    for (int i = 0; i < hex.length(); i += 2) {
      colons.append(i == 0 ? "" : ":").append(hex, i, i + 2);
    }
    assertEquals(
        Optional.of(hex.toLowerCase(java.util.Locale.ROOT)),
        read(Map.of(
                ClusterSettings.CA_FINGERPRINT,
                colons.toString().toUpperCase(java.util.Locale.ROOT)))
            .caFingerprint());
  }

  @Test
  void settingsThatCannotWorkNameTheirKeys() {
    assertTrue(
        assertThrows(
                IllegalArgumentException.class, () -> read(Map.of(ClusterSettings.PASSWORD, "x")))
            .getMessage()
            .contains(ClusterSettings.USERNAME));
    assertTrue(
        assertThrows(
                IllegalArgumentException.class,
                () -> read(Map.of(ClusterSettings.USERNAME, "u", ClusterSettings.API_KEY, "k")))
            .getMessage()
            .contains("not both"));
    assertTrue(
        assertThrows(
                IllegalArgumentException.class,
                () -> read(Map.of(ClusterSettings.CA_FINGERPRINT, "abc")))
            .getMessage()
            .contains("64 hex digits"));
    assertTrue(
        assertThrows(
                IllegalArgumentException.class, () -> read(Map.of(ClusterSettings.PROTOCOL, "ftp")))
            .getMessage()
            .contains(ClusterSettings.PROTOCOL));
    assertTrue(
        assertThrows(
                IllegalArgumentException.class,
                () -> read(Map.of(ClusterSettings.HOSTS, "ftp://es1")))
            .getMessage()
            .contains("ftp://es1"));
  }

  @Test
  void thePasswordNeverShowsInToString() {
    ClusterSettings s =
        read(Map.of(ClusterSettings.USERNAME, "pantau", ClusterSettings.PASSWORD, "hunter2"));
    assertFalse(s.toString().contains("hunter2"), s.toString());
  }
}
