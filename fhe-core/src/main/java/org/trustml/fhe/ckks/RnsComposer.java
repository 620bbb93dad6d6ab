package org.trustml.fhe.ckks;

/**
 * CRT reconstruction of coefficients as centred doubles, without big integers: Garner's mixed-radix digits
 * v_i in [0, q_i), x = sum v_i W_i with W_i = q_0 ... q_{i-1}; x >= Q/2 is decided digit by digit against
 * (Q - 1)/2 = sum ((q_i - 1)/2) W_i, and the centred value x - Q = sum (v_i - (q_i - 1)) W_i - 1.
 */
final class RnsComposer {

  private RnsComposer() {}

  /** Coefficient rows 0..level in [0, q_i) (not modified) to centred doubles. */
  static double[] centred(CkksParameters params, long[][] rows, int level) {
    int n = rows[0].length;
    double[] out = new double[n];
    if (level == 0) {
      long q = params.modulus(0).value();
      for (int k = 0; k < n; k++) {
        long x = rows[0][k];
        out[k] = x > q / 2 ? (double) (x - q) : (double) x;
      }
      return out;
    }
    int limbs = level + 1;
    // prefix[i][t] = (q_0 ... q_{t-1}) mod q_i for t <= i; inverse[i] = (q_0 ... q_{i-1})^{-1} mod q_i
    long[][] prefix = new long[limbs][];
    long[] inverse = new long[limbs];
    double[] weight = new double[limbs];
    weight[0] = 1;
    for (int i = 0; i < limbs; i++) {
      Modulus qi = params.modulus(i);
      prefix[i] = new long[i + 1];
      long p = 1;
      for (int t = 0; t <= i; t++) {
        prefix[i][t] = p;
        if (t < i) {
          p = qi.mul(p, qi.reduce(params.modulus(t).value()));
        }
      }
      inverse[i] = i == 0 ? 1 : ModMath.inverse(prefix[i][i], qi.value());
      if (i > 0) {
        weight[i] = weight[i - 1] * params.modulus(i - 1).value();
      }
    }
    long[] digits = new long[limbs];
    for (int k = 0; k < n; k++) {
      for (int i = 0; i < limbs; i++) {
        Modulus qi = params.modulus(i);
        long partial = 0; // (v_0 W_0 + ... + v_{i-1} W_{i-1}) mod q_i
        for (int t = 0; t < i; t++) {
          partial = qi.add(partial, qi.mul(qi.reduce(digits[t]), prefix[i][t]));
        }
        digits[i] = qi.mul(qi.sub(rows[i][k], partial), inverse[i]);
      }
      boolean upperHalf = false;
      for (int i = limbs - 1; i >= 0; i--) {
        long half = (params.modulus(i).value() - 1) / 2;
        if (digits[i] != half) {
          upperHalf = digits[i] > half;
          break;
        }
      }
      double value = 0;
      for (int i = limbs - 1; i >= 0; i--) {
        long digit = upperHalf ? digits[i] - (params.modulus(i).value() - 1) : digits[i];
        value += digit * weight[i];
      }
      out[k] = upperHalf ? value - 1 : value;
    }
    return out;
  }
}
