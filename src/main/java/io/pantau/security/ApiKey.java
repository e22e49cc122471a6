package io.pantau.security;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/** A stored API key: its hash, never the key. */
@Entity
@Table(name = "api_key")
public class ApiKey extends PanacheEntityBase {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(nullable = false, length = 100)
  public String name;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  public Role role;

  @Column(name = "key_hash", nullable = false, length = 64)
  public String keyHash;

  /** The first characters of the key, to tell keys apart in listings. */
  @Column(name = "key_prefix", nullable = false, length = 16)
  public String keyPrefix;

  /** generated (first start), api (made by an admin). */
  @Column(nullable = false, length = 20)
  public String origin;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "revoked_at")
  public Instant revokedAt;

  static Optional<ApiKey> findActiveByHash(String hash) {
    return find("keyHash = ?1 and revokedAt is null", hash).firstResultOptional();
  }

  static boolean anyActiveAdmin() {
    return count("role = ?1 and revokedAt is null", Role.admin) > 0;
  }
}
