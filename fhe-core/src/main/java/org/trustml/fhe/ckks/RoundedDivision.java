package org.trustml.fhe.ckks;

/**
 * Division with rounding by one prime r of the RNS basis (rescaling divides by the last data prime, key switching's
 * mod-down by the special prime): x_i <- (x_i - [x]_r) r^{-1} mod q_i with [x]_r centred. The centred remainder is
 * handled branch-free as SEAL does: ([x]_r + floor(r/2)) mod r is lifted to q_i and floor(r/2) subtracted there.
 */
final class RoundedDivision {

  private RoundedDivision() {}

  /** In place: coefficients of [x]_r in [0, r) become ([x]_r + floor(r/2)) mod r. */
  static void shiftByHalf(long[] coefficients, long r) {
    long half = r >>> 1;
    for (int k = 0; k < coefficients.length; k++) {
      coefficients[k] = ModMath.reduceOnce(coefficients[k] + half, r);
    }
  }

  /**
   * One output limb: out = (source - lift(shifted - floor(r/2))) * rInverse (+ addend) mod q_i, in [0, q_i).
   *
   * @param shifted      coefficients from {@link #shiftByHalf} (not modified)
   * @param source       NTT-form limb i of x, in [0, 2 q_i) (not modified unless it is {@code out})
   * @param addend       NTT-form limb in [0, q_i) added to the result, or null (not modified)
   * @param lifted       scratch row (modified)
   * @param out          the result (modified; may be {@code source})
   */
  static void divideLimb(CkksParameters params, int i, long r, long[] shifted, long[] source, long rInverse,
      long rInverseShoup, long[] addend, long[] lifted, long[] out) {
    Modulus m = params.modulus(i);
    long q = m.value();
    long minusHalf = q - m.reduce(r >>> 1); // -floor(r/2) mod q_i, kept positive
    if (r < 2 * q) {
      for (int k = 0; k < lifted.length; k++) {
        lifted[k] = shifted[k] + minusHalf; // below 3q: no reduction needed before the lazy NTT
      }
    } else {
      for (int k = 0; k < lifted.length; k++) {
        lifted[k] = m.reduce(shifted[k]) + minusHalf;
      }
    }
    params.ntt(i).forwardLazy(lifted);
    long fourQ = 4 * q; // source < 2q and lifted < 4q, so the difference below is positive and below 6q < 2^63
    if (addend == null) {
      for (int k = 0; k < out.length; k++) {
        out[k] = ModMath.mulShoup(source[k] + fourQ - lifted[k], rInverse, rInverseShoup, q);
      }
    } else {
      for (int k = 0; k < out.length; k++) {
        out[k] = ModMath.reduceOnce(ModMath.mulShoup(source[k] + fourQ - lifted[k], rInverse, rInverseShoup, q)
            + addend[k], q);
      }
    }
  }
}
