package org.trustml.core.artifact;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** Hashes the bytes that pass through it and stops with {@link ArtifactTooLargeException} past a limit. */
final class HashingLimitedInputStream extends FilterInputStream {

  private final MessageDigest digest;
  private final long limit;
  private long count;

  HashingLimitedInputStream(InputStream in, long limit) {
    super(in);
    this.limit = limit;
    try {
      this.digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      digest.update((byte) b);
      count(1);
    }
    return b;
  }

  @Override
  public int read(byte[] buf, int off, int len) throws IOException {
    int n = super.read(buf, off, len);
    if (n > 0) {
      digest.update(buf, off, n);
      count(n);
    }
    return n;
  }

  private void count(long n) {
    count += n;
    if (count > limit) {
      throw new ArtifactTooLargeException(limit);
    }
  }

  long count() {
    return count;
  }

  String sha256() {
    return ContentKeys.hex(digest.digest());
  }

  @Override
  public void close() {
    // the caller owns the underlying stream
  }
}
