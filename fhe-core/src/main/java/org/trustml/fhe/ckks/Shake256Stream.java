package org.trustml.fhe.ckks;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.bouncycastle.crypto.digests.SHAKEDigest;

/**
 * A deterministic cryptographic byte stream: SHAKE-256 absorbing a 32-byte seed and a domain label, then squeezed
 * for as long as needed. Every random polynomial of the engine comes from one of these, so a seed (plus its label)
 * regenerates it exactly: uniform key parts are stored as seeds, and seeded key generation is reproducible.
 */
final class Shake256Stream {

  static final int SEED_BYTES = 32;
  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private final SHAKEDigest shake = new SHAKEDigest(256);
  private final byte[] buffer = new byte[8192];
  private int position = buffer.length;

  Shake256Stream(byte[] seed, String domain, long... context) {
    if (seed.length != SEED_BYTES) {
      throw new IllegalArgumentException("seed must be " + SEED_BYTES + " bytes, got " + seed.length);
    }
    shake.update(seed, 0, seed.length);
    byte[] label = domain.getBytes(StandardCharsets.US_ASCII);
    shake.update((byte) label.length);
    shake.update(label, 0, label.length);
    byte[] word = new byte[8];
    for (long c : context) {
      LONGS.set(word, 0, c);
      shake.update(word, 0, 8);
    }
  }

  private void refill() {
    shake.doOutput(buffer, 0, buffer.length);
    position = 0;
  }

  long nextLong() {
    if (position + 8 > buffer.length) {
      refill();
    }
    long v = (long) LONGS.get(buffer, position);
    position += 8;
    return v;
  }

  int nextByte() {
    if (position >= buffer.length) {
      refill();
    }
    return buffer[position++] & 0xff;
  }

  void nextBytes(byte[] out) {
    for (int i = 0; i < out.length; i++) {
      out[i] = (byte) nextByte();
    }
  }
}
