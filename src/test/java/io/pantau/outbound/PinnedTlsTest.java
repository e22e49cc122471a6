package io.pantau.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSession;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HTTPS to a pinned address: the connection goes to the checked address, while SNI and the
 * certificate check use the host name. The server's certificate names {@code localhost} only (no IP
 * address), so a client that checked it against the address it connected to would refuse it.
 */
class PinnedTlsTest {
  private static final char[] PASSWORD = "changeit".toCharArray();

  @TempDir static Path dir;

  private static HttpsServer server;
  private static SSLContext client;
  private static final List<String> serverNames = new CopyOnWriteArrayList<>();
  private static final List<String> hosts = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void start() throws Exception {
    KeyStore keys = selfSignedForLocalhost(dir.resolve("site.p12"));
    KeyManagerFactory km = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    km.init(keys, PASSWORD);
    SSLContext serverTls = SSLContext.getInstance("TLS");
    serverTls.init(km.getKeyManagers(), null, null);
    TrustManagerFactory tm =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tm.init(keys);
    client = SSLContext.getInstance("TLS");
    client.init(null, tm.getTrustManagers(), null);

    server = HttpsServer.create(new InetSocketAddress(Rebinding.CHECKED, 0), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(serverTls));
    server.createContext(
        "/",
        ex -> {
          SSLSession session = ((HttpsExchange) ex).getSSLSession();
          for (SNIServerName n : ((ExtendedSSLSession) session).getRequestedServerNames()) {
            serverNames.add(((SNIHostName) n).getAsciiName());
          }
          hosts.add(ex.getRequestHeaders().getFirst("Host"));
          boolean page = ex.getRequestURI().getPath().equals("/page.html");
          byte[] body = (page ? "<p>over TLS</p>" : "not here").getBytes(StandardCharsets.UTF_8);
          ex.getResponseHeaders().add("Content-Type", page ? "text/html" : "text/plain");
          ex.sendResponseHeaders(page ? 200 : 404, body.length);
          ex.getResponseBody().write(body);
          ex.close();
        });
    server.start();
  }

  @AfterAll
  static void stop() {
    server.stop(0);
  }

  private static PageFetcher fetcher(OutboundGuard guard) {
    return new PageFetcher(
        guard,
        new PageFetcher.Settings(
            64 * 1024,
            Duration.ofSeconds(2),
            Duration.ofSeconds(5),
            "Pantau/test (unit tests)",
            Duration.ofHours(1)),
        Clock.systemUTC(),
        new Connector(client));
  }

  @Test
  void sniAndTheCertificateCheckUseTheHostNameWhileTheConnectionGoesToTheCheckedAddress() {
    int port = server.getAddress().getPort();
    FetchResult r =
        fetcher(new Rebinding().guard())
            .fetch(
                URI.create("https://localhost:" + port + "/page.html"),
                Validators.NONE,
                PageFetcher.ACCEPT_HTML);
    assertEquals("<p>over TLS</p>", r.text());
    assertTrue(serverNames.contains("localhost"), "SNI sent: " + serverNames);
    assertEquals(List.of("localhost:" + port), hosts.stream().distinct().toList());
  }

  @Test
  void aCertificateThatDoesNotNameTheHostIsRefused() {
    URI byAddress =
        URI.create(
            "https://"
                + Rebinding.CHECKED.getHostAddress()
                + ":"
                + server.getAddress().getPort()
                + "/hook");
    int before = hosts.size();
    FetchException e =
        assertThrows(
            FetchException.class,
            () ->
                new WebhookSender(new Rebinding().guard(), new Connector(client))
                    .post(byAddress, Map.of(), new byte[] {1}, Duration.ofSeconds(5)));
    assertEquals(FetchException.Reason.network, e.reason());
    assertTrue(e.getMessage().contains("doesn't match"), e.getMessage());
    assertEquals(before, hosts.size(), "no request was sent");
  }

  /** A key pair and self-signed certificate for dns:localhost, made by the JDK's keytool. */
  private static KeyStore selfSignedForLocalhost(Path file) throws Exception {
    Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
    Process p =
        new ProcessBuilder(
                keytool.toString(),
                "-genkeypair",
                "-alias",
                "site",
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-dname",
                "CN=localhost",
                "-ext",
                "SAN=dns:localhost",
                "-validity",
                "2",
                "-storetype",
                "PKCS12",
                "-keystore",
                file.toString(),
                "-storepass",
                new String(PASSWORD),
                "-keypass",
                new String(PASSWORD))
            .redirectErrorStream(true)
            .start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IllegalStateException("keytool failed: " + output);
    }
    KeyStore keys = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(file)) {
      keys.load(in, PASSWORD);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return keys;
  }
}
