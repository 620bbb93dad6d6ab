package org.trustml.fhe.ckks;

/** Exact division by the last prime with rounding: c_i <- (c_i - [c]_{q_l}) q_l^{-1} mod q_i, [c]_{q_l} centred. */
final class Rescaler {

  private Rescaler() {}

  /** NTT rows 0..level of {@code poly} (not modified) to rows 0..level-1 of the quotient. */
  static RnsPoly divideByLastPrime(CkksParameters params, RnsPoly poly, int level) {
    int n = params.n();
    long q = params.modulus(level).value();
    long[] last = poly.limbs[level].clone();
    params.ntt(level).inverse(last);
    RoundedDivision.shiftByHalf(last, q);
    long[][] rows = new long[level][];
    long[] lifted = new long[n];
    for (int i = 0; i < level; i++) {
      rows[i] = new long[n];
      RoundedDivision.divideLimb(params, i, q, last, poly.limbs[i], params.lastPrimeInverse(level, i),
          params.lastPrimeInverseShoup(level, i), null, lifted, rows[i]);
    }
    return new RnsPoly(rows);
  }
}
