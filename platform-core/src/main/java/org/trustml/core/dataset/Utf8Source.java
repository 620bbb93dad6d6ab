package org.trustml.core.dataset;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipException;

/**
 * Characters of a UTF-8 byte stream, decoded strictly and a buffer at a time, with a leading byte-order
 * mark dropped. Invalid bytes are not reported when they are decoded but when the reader reaches them,
 * so the CSV parser knows the line and column they are on.
 */
final class Utf8Source {

  /** Invalid UTF-8 (or broken gzip) at a byte offset, thrown when the reader gets to it. */
  static final class DecodeError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    final long offset;

    DecodeError(String message, long offset) {
      super(message);
      this.offset = offset;
    }
  }

  private static final int BUFFER = 1 << 16;

  private final InputStream in;
  private final CharsetDecoder decoder =
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);
  private final ByteBuffer bytes = ByteBuffer.allocate(BUFFER);
  private final CharBuffer chars = CharBuffer.allocate(BUFFER);
  private long bytesDecoded;
  private boolean eof;
  private boolean flushed;
  private DecodeError pending;
  private boolean first = true;

  Utf8Source(InputStream in) {
    this.in = in;
    bytes.flip();
    chars.flip();
  }

  /** The next character, or -1 at the end. */
  int read() throws IOException {
    if (!chars.hasRemaining() && !fill()) {
      return -1;
    }
    return chars.get();
  }

  /** Decodes the next buffer of characters; false at the end. Throws a pending decode error once reached. */
  private boolean fill() throws IOException {
    while (true) {
      if (pending != null) {
        throw pending;
      }
      if (eof && flushed) {
        return false;
      }
      chars.clear();
      if (!eof && bytes.remaining() < BUFFER / 2) {
        readBytes();
      }
      int before = bytes.position();
      CoderResult result = decoder.decode(bytes, chars, eof);
      bytesDecoded += bytes.position() - before;
      if (result.isError()) {
        pending =
            new DecodeError(
                "invalid UTF-8: " + result.length() + " malformed byte(s) at offset " + bytesDecoded, bytesDecoded);
      } else if (eof && !bytes.hasRemaining()) {
        decoder.flush(chars);
        flushed = true;
      }
      chars.flip();
      if (first && chars.hasRemaining()) {
        first = false;
        if (chars.get(chars.position()) == '\uFEFF') {
          chars.get(); // a byte-order mark is not data
        }
      }
      if (chars.hasRemaining()) {
        return true;
      }
    }
  }

  private void readBytes() throws IOException {
    bytes.compact();
    try {
      while (bytes.hasRemaining()) {
        int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
        if (n < 0) {
          eof = true;
          break;
        }
        bytes.position(bytes.position() + n);
        if (n == 0) {
          break;
        }
      }
    } catch (ZipException | EOFException e) {
      pending = new DecodeError("the gzip-compressed data is corrupt or truncated (" + e.getMessage() + ")", bytesDecoded);
    } finally {
      bytes.flip();
    }
  }
}
