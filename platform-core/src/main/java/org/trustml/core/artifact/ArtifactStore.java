package org.trustml.core.artifact;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Content-addressed storage shared by every service. Writes stream (the digest is computed while the bytes pass),
 * putting content that already exists is a success that stores nothing new, and reads stream too.
 */
public interface ArtifactStore {

  /**
   * Stores the stream's bytes. Fails with {@link ArtifactTooLargeException} past {@link #maxBytes()} and leaves
   * nothing behind.
   *
   * @param data the content, read to its end and not closed
   */
  ArtifactRef put(InputStream data, String mediaType, String name) throws IOException;

  /** Opens the content with the given digest; the caller closes the stream. */
  InputStream open(String sha256) throws IOException;

  boolean exists(String sha256) throws IOException;

  /** Size in bytes of stored content. */
  long size(String sha256) throws IOException;

  /** Largest content accepted by {@link #put}. */
  long maxBytes();

  /** Short name of the implementation for metrics and provenance, e.g. {@code fs} or {@code s3}. */
  String kind();

  default ArtifactRef putBytes(byte[] data, String mediaType, String name) {
    try {
      return put(new java.io.ByteArrayInputStream(data), mediaType, name);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  default ArtifactRef putText(String text, String mediaType, String name) {
    return putBytes(text.getBytes(StandardCharsets.UTF_8), mediaType, name);
  }

  default byte[] readAllBytes(String sha256) {
    try (InputStream in = open(sha256)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
