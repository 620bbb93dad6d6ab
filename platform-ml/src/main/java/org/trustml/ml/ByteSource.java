package org.trustml.ml;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.trustml.core.artifact.ArtifactStore;

/**
 * Bytes that can be read more than once: the CSV loader reads a file twice (once to infer column types exactly as
 * the gateway's catalog did, once for the values) instead of holding the raw text in memory.
 */
@FunctionalInterface
public interface ByteSource {

  /** Opens a new stream from the start; the caller closes it. */
  InputStream open() throws IOException;

  /** A file. */
  static ByteSource of(Path file) {
    return () -> Files.newInputStream(file);
  }

  /** Bytes in memory (not copied: do not modify them while the source is in use). */
  static ByteSource of(byte[] bytes) {
    return () -> new ByteArrayInputStream(bytes);
  }

  /** Content of the artifact store, by digest. */
  static ByteSource of(ArtifactStore store, String sha256) {
    return () -> store.open(sha256);
  }
}
