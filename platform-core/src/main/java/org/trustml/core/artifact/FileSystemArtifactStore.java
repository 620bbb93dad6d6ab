package org.trustml.core.artifact;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * The default store: files under a root directory. A write goes to {@code tmp/} first, is forced to disk and then
 * moved atomically to its content key, so a reader never sees half a file and a crash leaves only temp files.
 */
public final class FileSystemArtifactStore implements ArtifactStore {

  private final Path root;
  private final Path tmp;
  private final long maxBytes;

  public FileSystemArtifactStore(Path root, long maxBytes) throws IOException {
    this.root = root.toAbsolutePath().normalize();
    this.tmp = this.root.resolve("tmp");
    this.maxBytes = maxBytes;
    Files.createDirectories(tmp);
  }

  @Override
  public ArtifactRef put(InputStream data, String mediaType, String name) throws IOException {
    Path temp = tmp.resolve(UUID.randomUUID().toString());
    HashingLimitedInputStream hashing = new HashingLimitedInputStream(data, maxBytes);
    try {
      try (OutputStream out = Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW)) {
        hashing.transferTo(out);
      }
      try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        ch.force(true);
      }
      String sha = hashing.sha256();
      Path target = pathOf(sha);
      Files.createDirectories(target.getParent());
      if (Files.exists(target)) {
        Files.deleteIfExists(temp);
      } else {
        moveIntoPlace(temp, target);
      }
      return new ArtifactRef(sha, hashing.count(), mediaType, name);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  private static void moveIntoPlace(Path temp, Path target) throws IOException {
    try {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (FileAlreadyExistsException raced) {
      // another writer stored the same content first: same bytes, nothing to do
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, target);
    }
    target.toFile().setReadOnly();
  }

  @Override
  public InputStream open(String sha256) throws IOException {
    try {
      return Files.newInputStream(pathOf(sha256));
    } catch (NoSuchFileException e) {
      throw new ArtifactNotFoundException(sha256);
    }
  }

  @Override
  public boolean exists(String sha256) {
    return Files.exists(pathOf(sha256));
  }

  @Override
  public long size(String sha256) throws IOException {
    try {
      return Files.size(pathOf(sha256));
    } catch (NoSuchFileException e) {
      throw new ArtifactNotFoundException(sha256);
    }
  }

  @Override
  public long maxBytes() {
    return maxBytes;
  }

  @Override
  public String kind() {
    return "fs";
  }

  /** The file behind a digest; {@link ContentKeys} guarantees it stays under the root. */
  Path pathOf(String sha256) {
    Path p = root.resolve(ContentKeys.keyOf(sha256)).normalize();
    if (!p.startsWith(root)) {
      throw new IllegalArgumentException("key escapes the store root: " + sha256);
    }
    return p;
  }
}
