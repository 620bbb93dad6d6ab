package org.trustml.gateway.auth;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Service;
import org.trustml.core.json.CanonicalJson;
import org.trustml.gateway.GatewayProperties;

/**
 * Issues, checks and revokes API keys. Keys are random 256-bit values shown once; checking a key hashes it and
 * looks the hash up, with a short cache so a busy key costs no database round trip per request.
 */
@Service
public class ApiKeys {

  private static final long CACHE_MILLIS = 5_000;
  /** Known keys are few; a flood of made-up keys must not grow the cache without end. */
  private static final int CACHE_MAX = 10_000;
  private static final SecureRandom RANDOM = new SecureRandom();

  private record Cached(Optional<ApiKey> key, long at) {}

  private final ApiKeyRepository repository;
  private final int defaultRate;
  private final Map<String, Cached> cache = new ConcurrentHashMap<>();

  ApiKeys(ApiKeyRepository repository, GatewayProperties props) {
    this.repository = repository;
    this.defaultRate = props.defaultRatePerMinute();
  }

  /** A key and its secret, returned once at creation. */
  public record Issued(ApiKey key, String secret) {}

  public Issued issue(String tenant, Role role, Integer ratePerMinute, String label) {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    String secret = "tml_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    return register(secret, tenant, role, ratePerMinute, label);
  }

  /** Registers a key whose secret the operator chose (the bootstrap admin key). */
  public Issued register(String secret, String tenant, Role role, Integer ratePerMinute, String label) {
    UUID id = UUID.randomUUID();
    repository.insert(id, tenant, role, hash(secret), secret.substring(0, Math.min(8, secret.length())), label,
        ratePerMinute == null ? defaultRate : ratePerMinute);
    return new Issued(repository.findByHash(hash(secret)).orElseThrow(), secret);
  }

  /** The active key with this secret, if any. */
  public Optional<ApiKey> check(String secret) {
    if (secret == null || secret.isBlank() || secret.length() > 200) {
      return Optional.empty();
    }
    String h = hash(secret);
    long now = System.currentTimeMillis();
    Cached c = cache.get(h);
    if (c == null || now - c.at() > CACHE_MILLIS) {
      c = new Cached(repository.findByHash(h), now);
      // only keys that exist are cached: unknown ones cost a lookup each, never memory
      if (c.key().isPresent()) {
        if (cache.size() >= CACHE_MAX) {
          cache.clear();
        }
        cache.put(h, c);
      }
    }
    return c.key().filter(ApiKey::active);
  }

  public Optional<ApiKey> existing(String secret) {
    return repository.findByHash(hash(secret));
  }

  public List<ApiKey> list() {
    return repository.list();
  }

  public boolean revoke(UUID id) {
    boolean revoked = repository.revoke(id);
    cache.clear();
    return revoked;
  }

  public long activeAdmins() {
    return repository.activeAdmins();
  }

  static String hash(String secret) {
    return CanonicalJson.sha256(secret);
  }
}
