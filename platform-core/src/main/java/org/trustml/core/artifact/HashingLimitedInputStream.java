package org.trustml.core.artifact;

import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** Hashes the bytes that pass through it and stops with {@link ArtifactTooLargeException} past a limit. */
final class HashingLimitedInputStream extends LimitedInputStream {

  private final MessageDigest digest;

  HashingLimitedInputStream(InputStream in, long limit) {
    super(in, limit);
    try {
      this.digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  protected void passed(byte[] buf, int off, int len) {
    super.passed(buf, off, len);
    digest.update(buf, off, len);
  }

  String sha256() {
    return ContentKeys.hex(digest.digest());
  }

  @Override
  public void close() {
    // the caller owns the underlying stream
  }
}
