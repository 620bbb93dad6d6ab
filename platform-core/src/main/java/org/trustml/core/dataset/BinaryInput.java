package org.trustml.core.dataset;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.ZipException;
import org.trustml.core.web.ProblemException;

/**
 * A byte stream that knows its offset, so that IDX and NPY errors can say where they are. Broken gzip
 * data underneath becomes a problem of the given code at the offset reached, not an I/O failure.
 */
final class BinaryInput {

  private static final int CHUNK = 1 << 16;

  private final InputStream in;
  private final String problemCode;
  private long offset;

  BinaryInput(InputStream in, String problemCode) {
    this.in = in;
    this.problemCode = problemCode;
  }

  /** The number of bytes read so far: the offset of the next byte. */
  long offset() {
    return offset;
  }

  /** The next byte (0..255), or -1 at the end of the stream. */
  int read() throws IOException {
    int b;
    try {
      b = in.read();
    } catch (ZipException | EOFException e) {
      throw corrupt(e);
    }
    if (b >= 0) {
      offset++;
    }
    return b;
  }

  /** Reads until {@code len} bytes are read or the stream ends; returns how many were read. */
  int readFully(byte[] buf, int off, int len) throws IOException {
    int total = 0;
    while (total < len) {
      int n;
      try {
        n = in.read(buf, off + total, len - total);
      } catch (ZipException | EOFException e) {
        throw corrupt(e);
      }
      if (n < 0) {
        break;
      }
      total += n;
      offset += n;
    }
    return total;
  }

  /**
   * Reads and discards up to {@code n} bytes, stopping early at the end of the stream; returns how many
   * were discarded. Reads rather than skips so a truncated gzip stream is noticed.
   */
  long discard(long n) throws IOException {
    byte[] buf = new byte[(int) Math.min(CHUNK, Math.max(n, 1))];
    long done = 0;
    while (done < n) {
      int want = (int) Math.min(buf.length, n - done);
      int got = readFully(buf, 0, want);
      done += got;
      if (got < want) {
        break;
      }
    }
    return done;
  }

  /**
   * Checks that exactly {@code dataBytes} bytes follow (the data of an array) and nothing after them;
   * {@code describe} says what was expected, for the message.
   */
  void expectExactly(long dataBytes, String describe) throws IOException {
    long start = offset;
    long got = discard(dataBytes);
    if (got < dataBytes) {
      throw endedEarly(start, dataBytes, describe);
    }
    expectEnd();
  }

  /** The problem for data that ended at the current offset although {@code dataBytes} were due from {@code start}. */
  ProblemException endedEarly(long start, long dataBytes, String describe) {
    return Problems.binary(
        problemCode,
        "data ended early: " + describe + " needs " + dataBytes + " bytes after the header (file length "
            + (start + dataBytes) + "), but only " + (offset - start) + " follow",
        offset,
        "data");
  }

  /** Checks that the stream is at its end. */
  void expectEnd() throws IOException {
    long end = offset;
    if (read() >= 0) {
      throw Problems.binary(problemCode, "extra bytes follow the end of the data", end, "data");
    }
  }

  private ProblemException corrupt(IOException e) {
    return Problems.binary(
        problemCode,
        "the gzip-compressed data is corrupt or truncated after " + offset + " decompressed bytes ("
            + e.getMessage() + ")",
        offset,
        "gzip");
  }
}
