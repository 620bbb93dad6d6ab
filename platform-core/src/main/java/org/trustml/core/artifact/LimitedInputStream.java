package org.trustml.core.artifact;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Counts the bytes that pass through it and stops with {@link ArtifactTooLargeException} (a 413 problem) once they
 * exceed a limit, so a body of unknown length can be streamed without trusting its sender.
 */
public class LimitedInputStream extends FilterInputStream {

  private final long limit;
  private long count;

  public LimitedInputStream(InputStream in, long limit) {
    super(in);
    this.limit = limit;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      passed(new byte[] {(byte) b}, 0, 1);
    }
    return b;
  }

  @Override
  public int read(byte[] buf, int off, int len) throws IOException {
    int n = super.read(buf, off, len);
    if (n > 0) {
      passed(buf, off, n);
    }
    return n;
  }

  /** Called with every run of bytes read; subclasses look at them (to hash them, say) after the count. */
  protected void passed(byte[] buf, int off, int len) {
    count += len;
    if (count > limit) {
      throw new ArtifactTooLargeException(limit);
    }
  }

  /** Bytes read so far. */
  public long count() {
    return count;
  }
}
