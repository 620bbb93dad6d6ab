package org.trustml.fhe.keys;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A tenant's registered evaluation keys as the API shows them: what they are and where their bytes are, never the
 * bytes. There is no secret key in a key set; the server cannot decrypt with one.
 *
 * @param id             SHA-256 of the three keys' digests (the same keys name the same set)
 * @param parameterSet   the supported parameter set the keys belong to, e.g. {@code test}
 * @param parameterId    that set's fingerprint, 16 hex digits, as in every serialized object's header
 * @param galoisKeys     null when no Galois keys were uploaded (throughput packing needs none)
 */
public record KeySet(String id, String parameterSet, String parameterId, Part publicKey, Part relinearizationKey,
    GaloisPart galoisKeys, OffsetDateTime createdAt) {

  /** One uploaded key, stored as an artifact. */
  public record Part(String sha256, long bytes) {}

  /**
   * The uploaded Galois keys.
   *
   * @param rotationSteps left rotations they allow, in 1..N/2 - 1, ascending
   * @param conjugation   whether the conjugation key is among them
   */
  public record GaloisPart(String sha256, long bytes, List<Integer> rotationSteps, boolean conjugation) {}

  /** Total bytes of the uploaded keys. */
  public long totalBytes() {
    return publicKey.bytes() + relinearizationKey.bytes() + (galoisKeys == null ? 0 : galoisKeys.bytes());
  }
}
