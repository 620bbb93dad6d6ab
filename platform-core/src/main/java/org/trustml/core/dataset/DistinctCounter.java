package org.trustml.core.dataset;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;

/**
 * Counts distinct values exactly up to a cap, then gives up (returns -1): a high-cardinality column
 * (ids, free text) must not grow a set as large as the file. Long values are kept as a digest so the
 * set's memory stays small whatever the field lengths.
 */
final class DistinctCounter {

  private static final int LONG_VALUE = 64;

  private final int cap;
  private Set<String> seen = new HashSet<>();

  DistinctCounter(int cap) {
    this.cap = cap;
  }

  /** Adds a value; returns true if it had not been seen (while still counting). */
  boolean add(String value) {
    if (seen == null) {
      return false;
    }
    boolean added = seen.add(value.length() > LONG_VALUE ? digest(value) : value);
    if (seen.size() > cap) {
      seen = null; // over the cap: the exact count is no longer needed
    }
    return added;
  }

  /** The exact count, or -1 once more than the cap were seen. */
  long count() {
    return seen == null ? -1 : seen.size();
  }

  /** A key for a long value; it starts with NUL, which the short values kept as they are practically never do. */
  private static String digest(String value) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
      return "\0sha256:" + Base64.getEncoder().encodeToString(hash) + ":" + value.length();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }
}
