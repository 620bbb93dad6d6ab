package org.trustml.gateway.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.trustml.core.artifact.LimitedInputStream;

/**
 * An upload held in a temporary file while it is checked, so a malformed or oversized file never reaches the
 * artifact store. Deleted on close, whatever happened.
 */
final class UploadSpool implements AutoCloseable {

  private final Path file;
  private final long size;

  private UploadSpool(Path file, long size) {
    this.file = file;
    this.size = size;
  }

  static UploadSpool of(InputStream body, long limit) throws IOException {
    Path dir = Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"), "trustml-uploads"));
    Path file = Files.createTempFile(dir, "upload-", ".bin");
    try (OutputStream out = Files.newOutputStream(file)) {
      long total = new LimitedInputStream(body, limit).transferTo(out);
      return new UploadSpool(file, total);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(file);
      throw e;
    }
  }

  InputStream open() throws IOException {
    return Files.newInputStream(file);
  }

  long size() {
    return size;
  }

  @Override
  public void close() throws IOException {
    Files.deleteIfExists(file);
  }
}
