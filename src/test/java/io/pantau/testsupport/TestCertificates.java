package io.pantau.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A test CA and a server certificate it signs for 127.0.0.1 and localhost, made with the JDK's
 * {@code keytool}; the private key is written as an unencrypted PKCS#8 PEM file, as Elasticsearch
 * reads it, and the certificate file holds the chain (server, then CA).
 *
 * @param ca the CA certificate (PEM)
 * @param certificate the server certificate (PEM)
 * @param privateKey the server's private key (PEM)
 */
public record TestCertificates(Path ca, Path certificate, Path privateKey) {
  private static final String STORE_PASSWORD = "changeit-test";

  /** A new CA, and a server certificate signed by it, under {@code dir}. */
  public static TestCertificates create(Path dir, String name) {
    try {
      Files.createDirectories(dir);
      Path caStore = dir.resolve(name + "-ca.p12");
      Path nodeStore = dir.resolve(name + "-node.p12");
      Path csr = dir.resolve(name + "-node.csr");
      Path ca = dir.resolve(name + "-ca.crt");
      Path cert = dir.resolve(name + "-node.crt");
      Path key = dir.resolve(name + "-node.key");
      keytool(
          "-genkeypair",
          "-keystore",
          caStore.toString(),
          "-alias",
          "ca",
          "-keyalg",
          "RSA",
          "-keysize",
          "2048",
          "-dname",
          "CN=Pantau test CA " + name,
          "-ext",
          "bc:c",
          "-validity",
          "30");
      keytool(
          "-exportcert",
          "-keystore",
          caStore.toString(),
          "-alias",
          "ca",
          "-rfc",
          "-file",
          ca.toString());
      keytool(
          "-genkeypair",
          "-keystore",
          nodeStore.toString(),
          "-alias",
          "node",
          "-keyalg",
          "RSA",
          "-keysize",
          "2048",
          "-dname",
          "CN=localhost",
          "-validity",
          "30");
      keytool(
          "-certreq", "-keystore", nodeStore.toString(), "-alias", "node", "-file", csr.toString());
      keytool(
          "-gencert",
          "-keystore",
          caStore.toString(),
          "-alias",
          "ca",
          "-infile",
          csr.toString(),
          "-outfile",
          cert.toString(),
          "-rfc",
          "-ext",
          "san=ip:127.0.0.1,dns:localhost",
          "-ext",
          "eku=serverAuth",
          "-validity",
          "30");
      // The server presents its chain with the CA, as a node that set itself up does: a client
      // that pins the CA's fingerprint finds it there.
      Files.writeString(
          cert,
          Files.readString(cert, StandardCharsets.US_ASCII)
              + Files.readString(ca, StandardCharsets.US_ASCII),
          StandardCharsets.US_ASCII);
      KeyStore store = KeyStore.getInstance("PKCS12");
      try (InputStream in = Files.newInputStream(nodeStore)) {
        store.load(in, STORE_PASSWORD.toCharArray());
      }
      Key k = store.getKey("node", STORE_PASSWORD.toCharArray());
      String pem =
          "-----BEGIN PRIVATE KEY-----\n"
              + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                  .encodeToString(k.getEncoded())
              + "\n-----END PRIVATE KEY-----\n";
      Files.writeString(key, pem, StandardCharsets.US_ASCII);
      // Elasticsearch may run as another user (nobody, under root): it must read them.
      for (Path p : List.of(ca, cert, key)) {
        p.toFile().setReadable(true, false);
      }
      return new TestCertificates(ca, cert, key);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The CA's SHA-256 fingerprint as Elasticsearch prints it: 64 hex digits. */
  public String caFingerprint() {
    try (InputStream in = Files.newInputStream(ca)) {
      byte[] der = CertificateFactory.getInstance("X.509").generateCertificate(in).getEncoded();
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(der));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void keytool(String... args) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    cmd.addAll(List.of(args));
    cmd.addAll(List.of("-storetype", "PKCS12", "-storepass", STORE_PASSWORD, "-noprompt"));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IOException("keytool " + String.join(" ", args) + " failed: " + out);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }
}
