package org.trustml.pruning.topology;

import java.util.Arrays;

/**
 * Stable LSD radix sort of non-negative long keys carrying an int payload, 16 bits per pass; passes where every
 * key has the same digit are skipped. Faster than a comparison sort for the half-million edge lengths of a
 * 1,000-point cloud (non-negative doubles sort like their bit patterns).
 */
final class RadixSort {

  private static final int BITS = 16;
  private static final int RADIX = 1 << BITS;

  private RadixSort() {}

  /**
   * Sorts {@code keys[0..m)} ascending and applies the same permutation to {@code payload}; equal keys keep their
   * input order.
   *
   * @param keys    non-negative (modified)
   * @param payload one value per key (modified)
   */
  static void sort(long[] keys, int[] payload, int m) {
    long[] keyBuffer = new long[m];
    int[] payloadBuffer = new int[m];
    int[] count = new int[RADIX + 1];
    long[] srcKeys = keys;
    int[] srcPayload = payload;
    long[] dstKeys = keyBuffer;
    int[] dstPayload = payloadBuffer;
    for (int shift = 0; shift < 64; shift += BITS) {
      Arrays.fill(count, 0);
      for (int i = 0; i < m; i++) {
        count[(int) ((srcKeys[i] >>> shift) & (RADIX - 1)) + 1]++;
      }
      if (m == 0 || count[(int) ((srcKeys[0] >>> shift) & (RADIX - 1)) + 1] == m) {
        continue;
      }
      for (int d = 1; d <= RADIX; d++) {
        count[d] += count[d - 1];
      }
      for (int i = 0; i < m; i++) {
        int pos = count[(int) ((srcKeys[i] >>> shift) & (RADIX - 1))]++;
        dstKeys[pos] = srcKeys[i];
        dstPayload[pos] = srcPayload[i];
      }
      long[] tk = srcKeys;
      srcKeys = dstKeys;
      dstKeys = tk;
      int[] tp = srcPayload;
      srcPayload = dstPayload;
      dstPayload = tp;
    }
    if (srcKeys != keys) {
      System.arraycopy(srcKeys, 0, keys, 0, m);
      System.arraycopy(srcPayload, 0, payload, 0, m);
    }
  }
}
