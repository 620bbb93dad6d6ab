package org.trustml.fhe.ckks;

/** Exact division by the last prime with rounding: c_i <- (c_i - [c]_{q_l}) q_l^{-1} mod q_i, [c]_{q_l} centred. */
final class Rescaler {

  private Rescaler() {}

  /** NTT rows 0..level of {@code poly} (not modified) to rows 0..level-1 of the quotient. */
  static RnsPoly divideByLastPrime(CkksParameters params, RnsPoly poly, int level) {
    int n = params.n();
    long q = params.modulus(level).value();
    long half = q >>> 1;
    long[] last = poly.limbs[level].clone();
    params.ntt(level).inverse(last);
    long[][] rows = new long[level][];
    long[] lifted = new long[n];
    for (int i = 0; i < level; i++) {
      Modulus m = params.modulus(i);
      long qModQi = m.reduce(q);
      for (int k = 0; k < n; k++) {
        long r = m.reduce(last[k]);
        lifted[k] = last[k] > half ? m.sub(r, qModQi) : r;
      }
      params.ntt(i).forward(lifted);
      long inverse = params.lastPrimeInverse(level, i);
      long[] source = poly.limbs[i];
      long[] row = new long[n];
      for (int k = 0; k < n; k++) {
        row[k] = m.mul(m.sub(source[k], lifted[k]), inverse);
      }
      rows[i] = row;
    }
    return new RnsPoly(rows);
  }
}
