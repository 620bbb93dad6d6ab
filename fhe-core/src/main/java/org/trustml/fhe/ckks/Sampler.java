package org.trustml.fhe.ckks;

/** The three distributions RLWE needs, drawn from a {@link Shake256Stream}. */
final class Sampler {

  /** Centred binomial parameter: variance eta / 2 = 10.5, i.e. sigma = 3.24 (the standard's sigma = 3.2). */
  static final int BINOMIAL_ETA = 21;
  private static final long ETA_MASK = (1L << BINOMIAL_ETA) - 1;

  private Sampler() {}

  /** Uniform in {-1, 0, 1}: rejection on bytes, so the three values are exactly equally likely. */
  static long[] ternary(Shake256Stream stream, int n) {
    long[] out = new long[n];
    for (int k = 0; k < n; k++) {
      int b;
      do {
        b = stream.nextByte();
      } while (b == 255); // 255 = 3 * 85: reject the one byte value that would bias b % 3
      out[k] = b % 3 - 1;
    }
    return out;
  }

  /** Centred binomial error: popcount of 21 random bits minus popcount of 21 others. */
  static long[] error(Shake256Stream stream, int n) {
    long[] out = new long[n];
    for (int k = 0; k < n; k++) {
      long r = stream.nextLong();
      out[k] = Long.bitCount(r & ETA_MASK) - Long.bitCount((r >>> BINOMIAL_ETA) & ETA_MASK);
    }
    return out;
  }

  /** Uniform residues mod q by rejection on the low bits; a uniform polynomial is uniform in NTT form too. */
  static long[] uniform(Shake256Stream stream, Modulus modulus, int n) {
    long q = modulus.value();
    long mask = (1L << modulus.bits()) - 1;
    long[] out = new long[n];
    for (int k = 0; k < n; k++) {
      long v;
      do {
        v = stream.nextLong() & mask;
      } while (v >= q);
      out[k] = v;
    }
    return out;
  }

  /**
   * The uniform polynomial of a seed, already in NTT form, over the given prime indices. Each row has its own stream
   * (labelled with the prime index), so a lower level's rows are the same whatever the rest of the row set.
   */
  static RnsPoly uniformPoly(CkksParameters params, byte[] seed, String domain, long context, int[] moduli) {
    long[][] rows = new long[moduli.length][];
    for (int r = 0; r < moduli.length; r++) {
      Shake256Stream stream = new Shake256Stream(seed, domain, context, moduli[r]);
      rows[r] = uniform(stream, params.modulus(moduli[r]), params.n());
    }
    return new RnsPoly(rows);
  }
}
