package org.trustml.fhe.ckks;

/**
 * The test oracle for the optimised key switching and rescaling: the textbook algorithms written plainly (every value
 * fully reduced, Barrett products, the centred remainder by comparison), as the engine first implemented them.
 */
final class ReferenceRnsOps {

  private ReferenceRnsOps() {}

  /** u_0, u_1 for d (NTT rows 0..level, not modified) and the key. */
  static RnsPoly[] switchKey(CkksParameters params, RnsPoly d, KeySwitchKey key, int level) {
    int n = params.n();
    int limbs = level + 1;
    int special = params.specialIndex();
    long[][] acc0 = new long[limbs + 1][n];
    long[][] acc1 = new long[limbs + 1][n];
    for (int j = 0; j < limbs; j++) {
      long[] coefficients = d.limbs[j].clone();
      params.ntt(j).inverse(coefficients);
      for (int t = 0; t <= limbs; t++) {
        int prime = t == limbs ? special : t;
        Modulus m = params.modulus(prime);
        long[] digit = new long[n];
        for (int k = 0; k < n; k++) {
          digit[k] = m.reduce(coefficients[k]);
        }
        params.ntt(prime).forward(digit);
        PolyArithmetic.multiplyAddLimb(m, digit, key.b(j).limbs[prime], acc0[t]);
        PolyArithmetic.multiplyAddLimb(m, digit, key.a(j).limbs[prime], acc1[t]);
      }
    }
    return new RnsPoly[] {divide(params, acc0, limbs, params.modulus(special), true),
        divide(params, acc1, limbs, params.modulus(special), true)};
  }

  /** Rows 0..level-1 of poly / q_level with rounding. */
  static RnsPoly rescale(CkksParameters params, RnsPoly poly, int level) {
    return divide(params, poly.copy().limbs, level, params.modulus(level), false);
  }

  /** (x_i - [x]_r) r^{-1} mod q_i for i < limbs, [x]_r centred; row `limbs` of x is mod r (modified). */
  private static RnsPoly divide(CkksParameters params, long[][] x, int limbs, Modulus r, boolean special) {
    int n = params.n();
    long p = r.value();
    long[] remainder = x[limbs].clone();
    params.ntt(special ? params.specialIndex() : limbs).inverse(remainder);
    long[][] out = new long[limbs][n];
    for (int i = 0; i < limbs; i++) {
      Modulus m = params.modulus(i);
      long pModQ = m.reduce(p);
      long[] lifted = new long[n];
      for (int k = 0; k < n; k++) {
        long v = m.reduce(remainder[k]);
        lifted[k] = remainder[k] > p / 2 ? m.sub(v, pModQ) : v;
      }
      params.ntt(i).forward(lifted);
      long inverse = ModMath.inverse(pModQ, m.value());
      for (int k = 0; k < n; k++) {
        out[i][k] = m.mul(m.sub(x[i][k], lifted[k]), inverse);
      }
    }
    return new RnsPoly(out);
  }
}
