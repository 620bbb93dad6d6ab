package org.trustml.core.artifact;

/**
 * A reference to content in the {@link ArtifactStore}: the content's sha256 is its key.
 *
 * @param sha256 lower-case hex digest of the bytes
 * @param sizeBytes length of the content
 * @param mediaType IANA media type, e.g. {@code text/csv}
 * @param name a human name (never part of the key)
 */
public record ArtifactRef(String sha256, long sizeBytes, String mediaType, String name) {

  public ArtifactRef {
    ContentKeys.requireSha256(sha256);
    if (sizeBytes < 0) {
      throw new IllegalArgumentException("sizeBytes must be >= 0, was " + sizeBytes);
    }
  }

  public ArtifactRef withName(String newName) {
    return new ArtifactRef(sha256, sizeBytes, mediaType, newName);
  }
}
