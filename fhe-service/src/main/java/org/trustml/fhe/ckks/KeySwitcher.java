package org.trustml.fhe.ckks;

/**
 * Hybrid key switching (Han-Ki 2020 with one digit per prime, as in SEAL): a polynomial d under s' becomes a pair
 * (u_0, u_1) with u_0 + u_1 s = d s' + small. Each digit [d]_{q_j} is lifted to every prime of Q_l P,
 * multiplied with the key's digit j and accumulated; the sum is then divided by P with rounding (mod-down).
 */
final class KeySwitcher {

  private KeySwitcher() {}

  /** d: NTT rows 0..level (not modified). Returns {u_0, u_1} at the same level. */
  static RnsPoly[] switchKey(CkksParameters params, RnsPoly d, KeySwitchKey key, int level) {
    int n = params.n();
    int limbs = level + 1;
    int special = params.specialIndex();
    // targets 0..level are data primes; target `limbs` stands for the special prime
    long[][] acc0 = new long[limbs + 1][n];
    long[][] acc1 = new long[limbs + 1][n];
    long[] coefficients = new long[n];
    long[] lifted = new long[n];
    for (int j = 0; j < limbs; j++) {
      System.arraycopy(d.limbs[j], 0, coefficients, 0, n);
      params.ntt(j).inverse(coefficients);
      RnsPoly b = key.b(j);
      RnsPoly a = key.a(j);
      for (int t = 0; t <= limbs; t++) {
        int prime = t == limbs ? special : t;
        Modulus m = params.modulus(prime);
        long[] digit;
        if (prime == j) {
          digit = d.limbs[j];
        } else {
          for (int k = 0; k < n; k++) {
            lifted[k] = m.reduce(coefficients[k]);
          }
          params.ntt(prime).forward(lifted);
          digit = lifted;
        }
        PolyArithmetic.multiplyAddLimb(m, digit, b.limbs[prime], acc0[t]);
        PolyArithmetic.multiplyAddLimb(m, digit, a.limbs[prime], acc1[t]);
      }
    }
    return new RnsPoly[] {modDown(params, acc0, level), modDown(params, acc1, level)};
  }

  /** (x - [x]_P) / P with [x]_P centred: rows 0..level of x mod Q_l P (row level+1 is mod P). */
  private static RnsPoly modDown(CkksParameters params, long[][] x, int level) {
    int n = params.n();
    int limbs = level + 1;
    Modulus specialModulus = params.modulus(params.specialIndex());
    long p = specialModulus.value();
    long half = p >>> 1;
    long[] remainder = x[limbs];
    params.ntt(params.specialIndex()).inverse(remainder);
    long[][] out = new long[limbs][];
    long[] lifted = new long[n];
    for (int i = 0; i < limbs; i++) {
      Modulus m = params.modulus(i);
      long pModQ = params.specialModQ(i);
      for (int k = 0; k < n; k++) {
        long r = m.reduce(remainder[k]);
        lifted[k] = remainder[k] > half ? m.sub(r, pModQ) : r;
      }
      params.ntt(i).forward(lifted);
      long inverse = params.specialInverse(i);
      long[] row = x[i];
      for (int k = 0; k < n; k++) {
        row[k] = m.mul(m.sub(row[k], lifted[k]), inverse);
      }
      out[i] = row;
    }
    return new RnsPoly(out);
  }
}
