package io.pantau.index;

import io.pantau.config.ClusterSettings;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.apache.http.ConnectionClosedException;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.ResponseException;
import org.elasticsearch.client.RestClient;
import org.jboss.logging.Logger;

/**
 * Asks every configured node once, at start, whether Pantau can work with it, and turns what goes
 * wrong into a message that names the node, the cause and the setting to change.
 *
 * <p>Refused credentials (401), missing privileges (403) and a TLS failure are configuration errors
 * that no wait will mend: the start stops with {@link ClusterRefusedException}. A node that does
 * not answer is logged and skipped; when none answers Pantau still starts, accepting articles into
 * its journal until the cluster is back.
 */
final class ClusterProbe {
  private static final Logger LOG = Logger.getLogger(ClusterProbe.class);

  /** What is wrong with one node, and whether waiting could mend it. */
  record Problem(URI host, String message, boolean fatal) {}

  private ClusterProbe() {}

  /**
   * Probes each host with a client of its own ({@code clientFor}), closing it after.
   *
   * @throws ClusterRefusedException when a node refuses Pantau for a reason of configuration
   */
  static void check(ClusterSettings settings, Function<URI, RestClient> clientFor) {
    List<Problem> problems = new ArrayList<>();
    for (URI host : settings.hosts()) {
      try (RestClient client = clientFor.apply(host)) {
        Request health = new Request("GET", "/_cluster/health");
        health.addParameter("timeout", "2s");
        client.performRequest(health);
      } catch (IOException | RuntimeException e) {
        problems.add(describe(host, e, settings));
      }
    }
    for (Problem p : problems) {
      if (p.fatal()) {
        throw new ClusterRefusedException(p.message());
      }
    }
    if (!problems.isEmpty() && problems.size() == settings.hosts().size()) {
      LOG.errorf(
          "No Elasticsearch node answers; Pantau accepts articles into its journal and indexes"
              + " them once one does. %s",
          String.join(" ", problems.stream().map(Problem::message).toList()));
    } else {
      problems.forEach(p -> LOG.warn(p.message()));
    }
  }

  /** Turns a failed request to {@code host} into a message naming the cause and the fix. */
  static Problem describe(URI host, Throwable e, ClusterSettings settings) {
    ResponseException re = find(e, ResponseException.class);
    String at = "Elasticsearch at " + host;
    if (re != null) {
      int status = re.getResponse().getStatusLine().getStatusCode();
      if (status == 401) {
        return new Problem(
            host,
            at
                + " refused "
                + settings.credentials()
                + " (HTTP 401). "
                + (settings.authorization().isEmpty()
                    ? "It requires authentication: set "
                    : "Check ")
                + ClusterSettings.USERNAME
                + " and "
                + ClusterSettings.PASSWORD
                + " (QUARKUS_ELASTICSEARCH_USERNAME, QUARKUS_ELASTICSEARCH_PASSWORD), or "
                + ClusterSettings.API_KEY
                + " (PANTAU_ELASTICSEARCH_API_KEY, the 'encoded' value Elasticsearch returns).",
            true);
      }
      if (status == 403) {
        return new Problem(
            host,
            at
                + " lets "
                + settings.credentials()
                + " log in but not do what Pantau needs (HTTP 403: "
                + reason(re)
                + "). Give it the cluster privileges monitor and manage_index_templates, and all"
                + " privileges on the indices pantau-*.",
            true);
      }
      return new Problem(host, at + " answered HTTP " + status + ": " + reason(re), false);
    }
    Throwable tls = find(e, SSLException.class);
    if (tls != null) {
      return new Problem(host, at + ": TLS failed: " + tlsAdvice(tls, settings), true);
    }
    if (find(e, ConnectionClosedException.class) != null && "http".equals(host.getScheme())) {
      return new Problem(
          host,
          at
              + " closed the connection without an answer: if the cluster uses TLS (as"
              + " Elasticsearch 8 does by default), set "
              + ClusterSettings.PROTOCOL
              + "=https (QUARKUS_ELASTICSEARCH_PROTOCOL) or write the host as https://host:port.",
          true);
    }
    String cause;
    if (find(e, UnknownHostException.class) != null) {
      cause = "unknown host";
    } else if (find(e, ConnectException.class) != null
        || find(e, NoRouteToHostException.class) != null) {
      cause = "nothing listens there";
    } else if (find(e, SocketTimeoutException.class) != null) {
      cause = "no answer in time";
    } else {
      cause = String.valueOf(e.getMessage());
    }
    return new Problem(
        host,
        at
            + " is unreachable ("
            + cause
            + "); check "
            + ClusterSettings.HOSTS
            + " (QUARKUS_ELASTICSEARCH_HOSTS).",
        false);
  }

  private static String tlsAdvice(Throwable tls, ClusterSettings settings) {
    String msg = String.valueOf(tls.getMessage());
    String setCa =
        "set "
            + ClusterSettings.CA_CERTIFICATE
            + " (PANTAU_ELASTICSEARCH_CA_CERTIFICATE) to the PEM file of the CA that signed the"
            + " cluster's HTTP certificate (config/certs/http_ca.crt on a node that set itself"
            + " up), or "
            + ClusterSettings.CA_FINGERPRINT
            + " (PANTAU_ELASTICSEARCH_CA_FINGERPRINT) to its SHA-256 fingerprint.";
    if (msg.contains("Unsupported or unrecognized SSL message")
        || msg.contains("plaintext connection")) {
      return "the node speaks plain HTTP; set "
          + ClusterSettings.PROTOCOL
          + "=http (QUARKUS_ELASTICSEARCH_PROTOCOL) or write the host as http://host:port.";
    }
    if (find(tls, SSLPeerUnverifiedException.class) != null
        || msg.contains("subject alternative")
        || msg.contains("doesn't match")) {
      return "its certificate does not name this host ("
          + msg
          + "); connect by a name or address the certificate lists.";
    }
    if (msg.contains(ClusterSettings.CA_FINGERPRINT)) {
      return msg + ". " + "Copy the fingerprint again, or " + setCa;
    }
    if (msg.contains("PKIX")
        || msg.contains("certification path")
        || tls instanceof SSLHandshakeException) {
      String trusted =
          settings.caCertificate().isPresent()
              ? "is not signed by the CA in " + settings.caCertificate().get()
              : settings.caFingerprint().isPresent()
                  ? "does not chain to the pinned fingerprint"
                  : "is not signed by a CA this JVM trusts";
      return "its certificate " + trusted + " (" + msg + "); " + setCa;
    }
    return msg + "; " + setCa;
  }

  private static String reason(ResponseException e) {
    String m = String.valueOf(e.getMessage());
    int nl = m.indexOf('\n');
    String body = nl >= 0 ? m.substring(nl + 1) : m;
    return body.length() > 300 ? body.substring(0, 300) + "..." : body;
  }

  private static <T extends Throwable> T find(Throwable e, Class<T> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return null;
  }
}
