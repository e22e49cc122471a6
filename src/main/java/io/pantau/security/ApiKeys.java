package io.pantau.security;

import io.pantau.config.PantauConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Issues, verifies and revokes API keys. Keys are random 240-bit secrets, so a SHA-256 hash is a
 * safe way to store them and to look them up; the comparison of hashes is constant-time.
 */
@ApplicationScoped
public class ApiKeys {
  private static final Logger LOG = Logger.getLogger(ApiKeys.class);
  private static final SecureRandom RANDOM = new SecureRandom();
  static final String ADMIN_KEY_FILE = "admin.key";

  private final PantauConfig config;
  private final Map<String, Role> configured = new HashMap<>();
  private final Map<String, String> configuredNames = new HashMap<>();
  // Valid and wrong keys are remembered apart, each bounded, so that a flood of wrong keys
  // cannot push the valid ones out.
  private final ExpiringLru<Role> valid;
  private final ExpiringLru<Boolean> invalid;

  /** A key just made: the secret is shown once, only its hash is kept. */
  public record IssuedKey(long id, String name, Role role, String key, Instant createdAt) {}

  /** A stored key as listed to admins. */
  public record KeyInfo(
      long id, String name, Role role, String prefix, String origin, Instant createdAt) {}

  ApiKeys(PantauConfig config) {
    this.config = config;
    int size = config.security().keyCacheSize();
    long ttl = config.security().keyCacheTtl().toNanos();
    this.valid = new ExpiringLru<>(size, ttl, System::nanoTime);
    this.invalid = new ExpiringLru<>(size, ttl, System::nanoTime);
    config.security().keys().forEach((name, k) -> configuredNames.put(hash(k.key()), name));
    config
        .security()
        .keys()
        .forEach(
            (name, k) ->
                configured.put(
                    hash(k.key()),
                    Role.parse(k.role())
                        .orElseThrow(
                            () ->
                                new IllegalArgumentException(
                                    "pantau.security.keys."
                                        + name
                                        + ".role must be viewer, editor or admin"))));
  }

  void onStart(@Observes StartupEvent event) {
    if (!config.security().generateAdminKey() || configured.containsValue(Role.admin)) {
      return;
    }
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              if (!ApiKey.anyActiveAdmin()) {
                IssuedKey k = create("admin", Role.admin, "generated");
                writeAdminKey(k.key());
              }
            });
  }

  /** The role of the key, if it is a valid, unrevoked key. */
  public Optional<Role> authenticate(String key) {
    if (!plausible(key)) {
      return Optional.empty();
    }
    String h = hash(key.trim());
    Optional<Role> fromConfig = configuredMatch(h, configured);
    if (fromConfig.isPresent()) {
      return fromConfig;
    }
    Role known = valid.get(h);
    if (known != null) {
      return Optional.of(known);
    }
    if (invalid.get(h) != null) {
      return Optional.empty();
    }
    Optional<Role> role =
        QuarkusTransaction.joiningExisting()
            .call(
                () ->
                    ApiKey.findActiveByHash(h)
                        .filter(
                            k ->
                                MessageDigest.isEqual(
                                    k.keyHash.getBytes(StandardCharsets.US_ASCII),
                                    h.getBytes(StandardCharsets.US_ASCII)))
                        .map(k -> k.role));
    if (role.isPresent()) {
      valid.put(h, role.get());
    } else {
      invalid.put(h, Boolean.TRUE);
    }
    return role;
  }

  /** Key checks remembered now, valid and wrong ones together. */
  int cacheSize() {
    return valid.size() + invalid.size();
  }

  /**
   * Who holds the key, for the records it makes: the configured key's name, or a stored key's name
   * and id. The key itself never leaves this class.
   */
  @Transactional
  public Optional<String> owner(String key) {
    if (!plausible(key)) {
      return Optional.empty();
    }
    String h = hash(key.trim());
    return configuredMatch(h, configuredNames)
        .or(() -> ApiKey.findActiveByHash(h).map(k -> k.name + "#" + k.id));
  }

  private static boolean plausible(String key) {
    return key != null && !key.isBlank() && key.length() <= 200;
  }

  /**
   * The value whose key hash equals {@code h}. Every entry is compared, each in constant time, so
   * the time taken says nothing about how close a wrong key came.
   */
  private static <T> Optional<T> configuredMatch(String h, Map<String, T> byHash) {
    byte[] wanted = h.getBytes(StandardCharsets.US_ASCII);
    T found = null;
    for (Map.Entry<String, T> e : byHash.entrySet()) {
      if (MessageDigest.isEqual(e.getKey().getBytes(StandardCharsets.US_ASCII), wanted)) {
        found = e.getValue();
      }
    }
    return Optional.ofNullable(found);
  }

  /** Makes a new key; the returned secret is not stored anywhere. */
  @Transactional
  public IssuedKey create(String name, Role role) {
    return create(name, role, "api");
  }

  /** Lists stored keys that are not revoked. */
  @Transactional
  public List<KeyInfo> list() {
    return ApiKey.<ApiKey>list("revokedAt is null order by id").stream()
        .map(k -> new KeyInfo(k.id, k.name, k.role, k.keyPrefix, k.origin, k.createdAt))
        .toList();
  }

  /** Revokes a stored key; false when there is no such active key. */
  @Transactional
  public boolean revoke(long id) {
    ApiKey k = ApiKey.findById(id);
    if (k == null || k.revokedAt != null) {
      return false;
    }
    k.revokedAt = Instant.now();
    valid.clear();
    invalid.clear();
    return true;
  }

  private IssuedKey create(String name, Role role, String origin) {
    byte[] secret = new byte[30];
    RANDOM.nextBytes(secret);
    String key = "pk_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    ApiKey k = new ApiKey();
    k.name = name;
    k.role = role;
    k.keyHash = hash(key);
    k.keyPrefix = key.substring(0, 8);
    k.origin = origin;
    k.createdAt = Instant.now();
    k.persist();
    return new IssuedKey(k.id, name, role, key, k.createdAt);
  }

  private void writeAdminKey(String key) {
    Path file = config.dataDir().resolve(ADMIN_KEY_FILE).toAbsolutePath();
    try {
      Files.createDirectories(file.getParent());
      Files.deleteIfExists(file);
      Files.createFile(
          file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.writeString(
          file, key + "\n", StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the admin key to " + file, e);
    }
    LOG.infof("Generated an admin API key; it is in %s (readable by this user only)", file);
  }

  static String hash(String key) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
