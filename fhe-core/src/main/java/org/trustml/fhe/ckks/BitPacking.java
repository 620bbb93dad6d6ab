package org.trustml.fhe.ckks;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;

/** Residues mod q packed with exactly bits(q) bits each, little-endian bit order. */
final class BitPacking {

  private BitPacking() {}

  static void write(ByteArrayOutputStream out, long[] values, int bits) {
    long acc = 0;
    int filled = 0;
    for (long v : values) {
      // two halves so that the accumulator (below 8 bits between halves) never overflows
      int low = Math.min(bits, 32);
      acc |= (v & ((1L << low) - 1)) << filled;
      filled += low;
      while (filled >= 8) {
        out.write((int) acc);
        acc >>>= 8;
        filled -= 8;
      }
      int high = bits - low;
      if (high > 0) {
        acc |= (v >>> low) << filled;
        filled += high;
        while (filled >= 8) {
          out.write((int) acc);
          acc >>>= 8;
          filled -= 8;
        }
      }
    }
    if (filled > 0) {
      out.write((int) acc);
    }
  }

  static int byteLength(int count, int bits) {
    return (int) (((long) count * bits + 7) / 8);
  }

  /** Reads {@code count} values; each must be below {@code modulus}. */
  static long[] read(ByteBuffer in, int count, int bits, long modulus) {
    int length = byteLength(count, bits);
    if (in.remaining() < length) {
      throw new IllegalArgumentException("truncated: " + length + " bytes of residues expected, "
          + in.remaining() + " left");
    }
    long[] values = new long[count];
    long acc = 0;
    int filled = 0;
    long mask = (1L << bits) - 1;
    for (int k = 0; k < count; k++) {
      long v = 0;
      int have = 0;
      while (have < bits) {
        if (filled == 0) {
          acc = in.get() & 0xff;
          filled = 8;
        }
        int take = Math.min(filled, bits - have);
        v |= (acc & ((1L << take) - 1)) << have;
        acc >>>= take;
        filled -= take;
        have += take;
      }
      v &= mask;
      if (v >= modulus) {
        throw new IllegalArgumentException("residue " + v + " is not below its modulus " + modulus);
      }
      values[k] = v;
    }
    return values;
  }
}
