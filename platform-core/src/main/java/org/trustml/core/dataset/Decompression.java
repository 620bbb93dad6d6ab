package org.trustml.core.dataset;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

/** Transparent gunzip for uploads: a dataset may arrive gzip-compressed (MNIST's {@code .gz} files). */
public final class Decompression {

  private static final int BUFFER = 1 << 16;

  private Decompression() {}

  /** True if the bytes start with the gzip magic {@code 1f 8b}. */
  public static boolean isGzip(byte[] head) {
    return head.length >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b;
  }

  /**
   * Returns a buffered stream (supporting mark/reset) of the decompressed content if {@code in} starts
   * with the gzip magic, or of {@code in} itself otherwise. Closing the result closes {@code in}.
   */
  public static InputStream gunzipIfNeeded(InputStream in) throws IOException {
    InputStream buffered = buffered(in);
    if (!isGzip(peek(buffered, 2))) {
      return buffered;
    }
    return new BufferedInputStream(new GZIPInputStream(buffered, BUFFER), BUFFER);
  }

  /**
   * The first {@code n} bytes of the content of {@code in}, decompressed if it is gzip, without consuming
   * anything; {@code in} must support mark/reset. Returns fewer bytes if the content is shorter (or the
   * compressed data is already broken: reading it will then report why).
   */
  static byte[] peekContent(InputStream in, int n) throws IOException {
    byte[] head = peek(in, Math.max(n, 2));
    if (!isGzip(head)) {
      return head.length > n ? Arrays.copyOf(head, n) : head;
    }
    // Inflating a few bytes reads at most a few kilobytes of compressed input: well inside the mark limit.
    in.mark(BUFFER * 4);
    try (InputStream gz = new GZIPInputStream(new NonClosing(in), 512)) {
      return gz.readNBytes(n);
    } catch (IOException e) {
      return new byte[0];
    } finally {
      in.reset();
    }
  }

  /** Reads up to {@code n} bytes and rewinds; {@code in} must support mark/reset. */
  static byte[] peek(InputStream in, int n) throws IOException {
    in.mark(n);
    try {
      return in.readNBytes(n);
    } finally {
      in.reset();
    }
  }

  static InputStream buffered(InputStream in) {
    return in.markSupported() ? in : new BufferedInputStream(in, BUFFER);
  }

  /** Lets a throwaway GZIPInputStream or ZipInputStream be closed (freeing its Inflater) without closing the upload. */
  static final class NonClosing extends FilterInputStream {
    NonClosing(InputStream in) {
      super(in);
    }

    @Override
    public void close() {}
  }
}
