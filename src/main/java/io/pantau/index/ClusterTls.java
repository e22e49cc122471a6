package io.pantau.index;

import io.pantau.config.ClusterSettings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * The TLS trust for a cluster: the CA certificate file it was given, or the CA's SHA-256
 * fingerprint, or else the JDK's default trust store (a cluster with a publicly trusted
 * certificate). Host names are checked in every case.
 */
final class ClusterTls {
  private ClusterTls() {}

  /** The context to connect with, or empty for the JDK's default. */
  static Optional<SSLContext> context(ClusterSettings settings) {
    try {
      if (settings.caCertificate().isPresent()) {
        return Optional.of(
            withTrust(new TrustManager[] {fromFile(settings.caCertificate().get())}));
      }
      if (settings.caFingerprint().isPresent()) {
        return Optional.of(
            withTrust(new TrustManager[] {new Pinned(settings.caFingerprint().get())}));
      }
      return Optional.empty();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot set up TLS for Elasticsearch: " + e.getMessage(), e);
    }
  }

  private static SSLContext withTrust(TrustManager[] trust) throws GeneralSecurityException {
    SSLContext ctx = SSLContext.getInstance("TLS");
    ctx.init(null, trust, null);
    return ctx;
  }

  /** Trusts the certificates of a PEM (or DER) file and nothing else. */
  private static X509TrustManager fromFile(Path file) throws GeneralSecurityException {
    if (!Files.isReadable(file)) {
      throw new IllegalArgumentException(
          ClusterSettings.CA_CERTIFICATE
              + " names "
              + file.toAbsolutePath()
              + ", which cannot be read (PANTAU_ELASTICSEARCH_CA_CERTIFICATE: the cluster's HTTP"
              + " CA, config/certs/http_ca.crt on a node that set itself up)");
    }
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(file)) {
      store.load(null, null);
      int n = 0;
      for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
        store.setCertificateEntry("ca-" + n++, c);
      }
      if (n == 0) {
        throw new CertificateException("no certificate in it");
      }
    } catch (IOException | CertificateException e) {
      throw new IllegalArgumentException(
          ClusterSettings.CA_CERTIFICATE
              + " names "
              + file.toAbsolutePath()
              + ", which holds no readable certificate: "
              + e.getMessage());
    }
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(store);
    for (TrustManager t : tmf.getTrustManagers()) {
      if (t instanceof X509TrustManager x) {
        return x;
      }
    }
    throw new GeneralSecurityException("no X.509 trust manager");
  }

  /** SHA-256 of a certificate's DER encoding, lower-case hex. */
  static String fingerprint(X509Certificate c) throws CertificateException {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(c.getEncoded()));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new CertificateException(e);
    }
  }

  /**
   * Trusts a server whose chain holds the certificate with the given fingerprint, and which is
   * otherwise a valid chain up to it: in date, each certificate signed by the next.
   */
  private static final class Pinned implements X509TrustManager {
    private final String fingerprint;

    Pinned(String fingerprint) {
      this.fingerprint = fingerprint;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType)
        throws CertificateException {
      for (int i = 0; i < chain.length; i++) {
        chain[i].checkValidity();
        if (fingerprint.equals(fingerprint(chain[i]))) {
          // Everything below the pinned certificate must chain up to it.
          for (int k = i; k > 0; k--) {
            verify(chain[k - 1], chain[k]);
          }
          return;
        }
      }
      throw new CertificateException(
          "none of the server's certificates has the SHA-256 fingerprint "
              + fingerprint
              + " given in "
              + ClusterSettings.CA_FINGERPRINT
              + (chain.length == 1
                  ? " (it presents only its own certificate, not its CA's: pin that one, or give"
                      + " the CA's file)"
                  : ""));
    }

    private static void verify(X509Certificate child, X509Certificate issuer)
        throws CertificateException {
      try {
        child.verify(issuer.getPublicKey());
      } catch (GeneralSecurityException e) {
        throw new CertificateException("the server's certificate chain is broken", e);
      }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType)
        throws CertificateException {
      throw new CertificateException("not a server");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
