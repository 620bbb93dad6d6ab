package org.trustml.gateway.auth;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A stored API key; the key itself is never stored, only its sha256.
 *
 * @param prefix the first characters of the key, to recognise it in listings
 */
public record ApiKey(UUID id, String tenant, Role role, String prefix, String label, int ratePerMinute,
    OffsetDateTime createdAt, OffsetDateTime revokedAt) {

  public boolean active() {
    return revokedAt == null;
  }
}
