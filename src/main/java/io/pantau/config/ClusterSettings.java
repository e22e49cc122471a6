package io.pantau.config;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * How to reach and log in to an Elasticsearch cluster, read from the standard Quarkus keys ({@code
 * quarkus.elasticsearch.hosts}, {@code .protocol}, {@code .username}, {@code .password}) and
 * Pantau's own ({@code pantau.elasticsearch.api-key}, {@code .ca-certificate}, {@code
 * .ca-fingerprint}); each can be given as an environment variable too ({@code
 * QUARKUS_ELASTICSEARCH_PASSWORD}, {@code PANTAU_ELASTICSEARCH_API_KEY}, ...).
 *
 * <p>Checked when read: a setting that cannot work (a password without a user name, both a user and
 * an API key, a fingerprint that is not SHA-256) stops the start with a message naming the key.
 *
 * @param hosts every node to send requests to, with its scheme
 * @param username for HTTP basic authentication
 * @param password for HTTP basic authentication
 * @param apiKey the encoded API key ({@code base64(id:key)}, as Elasticsearch returns it in {@code
 *     encoded})
 * @param caCertificate a PEM file of the CA that signed the cluster's HTTP certificate
 * @param caFingerprint the SHA-256 fingerprint of that CA certificate, 64 hex digits
 */
public record ClusterSettings(
    List<URI> hosts,
    Optional<String> username,
    Optional<String> password,
    Optional<String> apiKey,
    Optional<Path> caCertificate,
    Optional<String> caFingerprint) {

  public static final String HOSTS = "quarkus.elasticsearch.hosts";
  public static final String PROTOCOL = "quarkus.elasticsearch.protocol";
  public static final String USERNAME = "quarkus.elasticsearch.username";
  public static final String PASSWORD = "quarkus.elasticsearch.password";
  public static final String API_KEY = "pantau.elasticsearch.api-key";
  public static final String CA_CERTIFICATE = "pantau.elasticsearch.ca-certificate";
  public static final String CA_FINGERPRINT = "pantau.elasticsearch.ca-fingerprint";

  /**
   * Reads the settings through {@code lookup} (a configuration key to its value). No hosts: the
   * list is empty (the embedded node is used).
   *
   * @throws IllegalArgumentException naming the key when a setting cannot work
   */
  public static ClusterSettings read(Function<String, Optional<String>> lookup) {
    Function<String, Optional<String>> get =
        k -> lookup.apply(k).map(String::trim).filter(v -> !v.isEmpty());
    String protocol = get.apply(PROTOCOL).orElse("http").toLowerCase(Locale.ROOT);
    if (!protocol.equals("http") && !protocol.equals("https")) {
      throw new IllegalArgumentException(
          PROTOCOL + " must be http or https, not '" + protocol + "'");
    }
    List<URI> hosts = new ArrayList<>();
    for (String h : get.apply(HOSTS).orElse("").split(",")) {
      if (!h.isBlank()) {
        hosts.add(host(h.trim(), protocol));
      }
    }
    Optional<String> user = get.apply(USERNAME);
    Optional<String> password = lookup.apply(PASSWORD).filter(p -> !p.isEmpty());
    Optional<String> apiKey = get.apply(API_KEY).map(ClusterSettings::encodedApiKey);
    if (password.isPresent() && user.isEmpty()) {
      throw new IllegalArgumentException(
          PASSWORD + " is set but " + USERNAME + " is not (QUARKUS_ELASTICSEARCH_USERNAME)");
    }
    if (user.isPresent() && apiKey.isPresent()) {
      throw new IllegalArgumentException(
          "Set either "
              + USERNAME
              + " and "
              + PASSWORD
              + ", or "
              + API_KEY
              + " (PANTAU_ELASTICSEARCH_API_KEY), not both");
    }
    Optional<Path> ca = get.apply(CA_CERTIFICATE).map(Path::of);
    Optional<String> fingerprint = get.apply(CA_FINGERPRINT).map(ClusterSettings::fingerprint);
    if (ca.isPresent() && fingerprint.isPresent()) {
      throw new IllegalArgumentException(
          "Set either " + CA_CERTIFICATE + " or " + CA_FINGERPRINT + ", not both");
    }
    return new ClusterSettings(List.copyOf(hosts), user, password, apiKey, ca, fingerprint);
  }

  /** Whether any request goes over TLS. */
  public boolean tls() {
    return hosts.stream().anyMatch(h -> "https".equals(h.getScheme()));
  }

  /** How Pantau logs in, for messages: never the secret itself. */
  public String credentials() {
    if (apiKey.isPresent()) {
      return "the API key " + API_KEY + " (id " + apiKeyId(apiKey.get()) + ")";
    }
    if (username.isPresent()) {
      return "the user '" + username.get() + "' (" + USERNAME + ", " + PASSWORD + ")";
    }
    return "no credentials";
  }

  /** The value of the {@code Authorization} header, if Pantau logs in. */
  public Optional<String> authorization() {
    if (apiKey.isPresent()) {
      return Optional.of("ApiKey " + apiKey.get());
    }
    return username.map(
        u ->
            "Basic "
                + Base64.getEncoder()
                    .encodeToString(
                        (u + ":" + password.orElse("")).getBytes(StandardCharsets.UTF_8)));
  }

  private static URI host(String h, String protocol) {
    String withScheme = h.contains("://") ? h : protocol + "://" + h;
    try {
      URI uri = URI.create(withScheme);
      if (uri.getHost() == null
          || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
        throw new IllegalArgumentException("no host");
      }
      int port = uri.getPort() > 0 ? uri.getPort() : 9200;
      return new URI(uri.getScheme(), null, uri.getHost(), port, null, null, null);
    } catch (IllegalArgumentException | java.net.URISyntaxException e) {
      throw new IllegalArgumentException(
          HOSTS + " holds '" + h + "', which is not host:port or http(s)://host:port");
    }
  }

  /**
   * The API key as Elasticsearch encodes it: the {@code encoded} value as given, or {@code id:key}
   * (the {@code id} and {@code api_key} values) encoded here.
   */
  private static String encodedApiKey(String key) {
    if (key.contains(":")) {
      return Base64.getEncoder().encodeToString(key.getBytes(StandardCharsets.UTF_8));
    }
    return key;
  }

  private static String apiKeyId(String encoded) {
    try {
      String decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      return colon > 0 ? decoded.substring(0, colon) : "unreadable";
    } catch (IllegalArgumentException e) {
      return "unreadable";
    }
  }

  /**
   * A SHA-256 fingerprint as Elasticsearch prints it (64 hex digits) or as {@code openssl} and
   * {@code keytool} do (pairs separated by colons), in lower case without separators.
   */
  static String fingerprint(String given) {
    String hex = given.replace(":", "").toLowerCase(Locale.ROOT);
    if (!hex.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException(
          CA_FINGERPRINT
              + " must be the SHA-256 fingerprint of the CA certificate (64 hex digits, as"
              + " Elasticsearch prints it at first start), not '"
              + given
              + "'");
    }
    return hex;
  }

  @Override
  public String toString() {
    return "ClusterSettings[hosts=" + hosts + ", credentials=" + credentials() + "]";
  }
}
