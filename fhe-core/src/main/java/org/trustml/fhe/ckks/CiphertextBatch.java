package org.trustml.fhe.ckks;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * A list of serialized ciphertexts in one byte string, how a client uploads the inputs of a batch and downloads the
 * outputs: magic "TMCB", format version, count (4 bytes), then per ciphertext its length (4 bytes) and its
 * {@link CkksSerializer} bytes. Splitting does not need the parameter set, so a server can check every element's
 * header (and refuse a batch naming the wrong element) before parsing any body.
 */
public final class CiphertextBatch {

  private static final int MAGIC = 0x544d4342; // "TMCB"
  private static final byte VERSION = 1;
  private static final int HEADER_BYTES = 4 + 1 + 4;

  private CiphertextBatch() {}

  /** The container of {@code ciphertexts}, each written by {@link CkksSerializer#write(Ciphertext)}. */
  public static byte[] write(Ciphertext[] ciphertexts) {
    List<byte[]> parts = new ArrayList<>(ciphertexts.length);
    for (Ciphertext c : ciphertexts) {
      parts.add(CkksSerializer.write(c));
    }
    return join(parts);
  }

  /** The container of already serialized ciphertexts. */
  public static byte[] join(List<byte[]> serialized) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(ByteBuffer.allocate(HEADER_BYTES).putInt(MAGIC).put(VERSION).putInt(serialized.size()).array());
    for (byte[] part : serialized) {
      out.writeBytes(ByteBuffer.allocate(4).putInt(part.length).array());
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  /**
   * The serialized ciphertexts of a container, not yet parsed.
   *
   * @throws IllegalArgumentException if the container is malformed (bad magic or version, a length past the end,
   *     trailing bytes), with the reason
   */
  public static List<byte[]> split(byte[] bytes) {
    ByteBuffer in = ByteBuffer.wrap(bytes);
    if (in.remaining() < HEADER_BYTES || in.getInt() != MAGIC) {
      throw new IllegalArgumentException("not a trustml ciphertext batch: bad magic");
    }
    byte version = in.get();
    if (version != VERSION) {
      throw new IllegalArgumentException("unsupported batch format version " + version + ", expected " + VERSION);
    }
    int count = in.getInt();
    if (count < 0 || count > in.remaining() / 4) {
      throw new IllegalArgumentException("batch claims " + count + " ciphertexts in " + bytes.length + " bytes");
    }
    List<byte[]> parts = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      if (in.remaining() < 4) {
        throw new IllegalArgumentException("truncated: the batch ends before ciphertext " + i);
      }
      int length = in.getInt();
      if (length < 0 || length > in.remaining()) {
        throw new IllegalArgumentException("truncated: ciphertext " + i + " claims " + length + " bytes, "
            + in.remaining() + " left");
      }
      byte[] part = new byte[length];
      in.get(part);
      parts.add(part);
    }
    if (in.hasRemaining()) {
      throw new IllegalArgumentException(in.remaining() + " trailing bytes after the batch's " + count
          + " ciphertexts");
    }
    return parts;
  }

  /**
   * Splits and parses a container under {@code params}.
   *
   * @throws IllegalArgumentException if the container or any ciphertext is malformed, naming which
   */
  public static Ciphertext[] read(CkksParameters params, byte[] bytes) {
    List<byte[]> parts = split(bytes);
    Ciphertext[] out = new Ciphertext[parts.size()];
    for (int i = 0; i < out.length; i++) {
      try {
        out[i] = CkksSerializer.readCiphertext(params, parts.get(i));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("ciphertext " + i + ": " + e.getMessage(), e);
      }
    }
    return out;
  }

  /** Size of a container holding parts of the given sizes. */
  public static long bytes(int count, long partBytes) {
    return HEADER_BYTES + count * (4 + partBytes);
  }
}
