package org.trustml.fhe.ckks;

import java.util.Arrays;

/**
 * Hybrid key switching (Han-Ki 2020 with one digit per prime, as in SEAL): a polynomial d under s' becomes a pair
 * (u_0, u_1) with u_0 + u_1 s = d s' + small. Each digit [d]_{q_j} is lifted to every prime of Q_l P,
 * multiplied with the key's digit j and accumulated; the sum is then divided by P with rounding (mod-down).
 *
 * <p>Speed: the key's residues carry precomputed Shoup companions, so each multiply-accumulate is one high product
 * and two low ones; the lifted digits and the accumulators stay lazily reduced ([0, 4q) out of the NTT, [0, 2q) in
 * the sums); a digit is copied instead of reduced when its prime is below four times the target's.
 */
final class KeySwitcher {

  private KeySwitcher() {}

  /**
   * d: NTT rows 0..level (not modified). Returns {u_0 + add_0, u_1 + add_1} at the same level; the addends (NTT rows
   * 0..level, not modified) may be null.
   */
  static RnsPoly[] switchKey(CkksParameters params, RnsPoly d, KeySwitchKey key, int level, RnsPoly add0,
      RnsPoly add1) {
    int n = params.n();
    int limbs = level + 1;
    int special = params.specialIndex();
    // targets 0..level are data primes; target `limbs` stands for the special prime
    long[][] acc0 = new long[limbs + 1][n];
    long[][] acc1 = new long[limbs + 1][n];
    long[] coefficients = new long[n];
    long[] lifted = new long[n];
    for (int j = 0; j < limbs; j++) {
      long qj = params.modulus(j).value();
      System.arraycopy(d.limbs[j], 0, coefficients, 0, n);
      params.ntt(j).inverse(coefficients);
      for (int t = 0; t <= limbs; t++) {
        int prime = t == limbs ? special : t;
        long[] digit;
        if (prime == j) {
          digit = d.limbs[j];
        } else {
          lift(params, qj, coefficients, prime, lifted);
          digit = lifted;
        }
        multiplyAccumulate(params.modulus(prime).value(), digit, null, key, j, prime, acc0[t], acc1[t]);
      }
    }
    return new RnsPoly[] {modDown(params, acc0, level, add0, lifted), modDown(params, acc1, level, add1, lifted)};
  }

  /**
   * Digit j's coefficients (below q_j) as a polynomial modulo {@code prime}, in lazy NTT form (below 4q): copied
   * when q_j is already below 4q, since the lazy NTT takes such inputs, else reduced first.
   */
  private static void lift(CkksParameters params, long qj, long[] coefficients, int prime, long[] out) {
    Modulus m = params.modulus(prime);
    if (qj < 4 * m.value()) {
      System.arraycopy(coefficients, 0, out, 0, coefficients.length);
    } else {
      for (int k = 0; k < coefficients.length; k++) {
        out[k] = m.reduce(coefficients[k]);
      }
    }
    params.ntt(prime).forwardLazy(out);
  }

  /**
   * The hoisted half of key switching: every digit [d]_{q_j} of d (NTT rows 0..level, not modified) lifted to every
   * prime of Q_l P, in NTT form (lazy, below 4q): result[j][t], t = level + 1 standing for the special prime. Several
   * rotations of one ciphertext share it, since an automorphism of a digit is a permutation of its NTT values
   * (the permuted digit is congruent to the rotated polynomial's digit and just as small, which is all the key
   * switch needs).
   */
  static long[][][] decompose(CkksParameters params, RnsPoly d, int level) {
    int n = params.n();
    int limbs = level + 1;
    int special = params.specialIndex();
    long[][][] digits = new long[limbs][limbs + 1][];
    long[] coefficients = new long[n];
    for (int j = 0; j < limbs; j++) {
      long qj = params.modulus(j).value();
      System.arraycopy(d.limbs[j], 0, coefficients, 0, n);
      params.ntt(j).inverse(coefficients);
      for (int t = 0; t <= limbs; t++) {
        int prime = t == limbs ? special : t;
        if (prime == j) {
          digits[j][t] = d.limbs[j];
          continue;
        }
        long[] lifted = new long[n];
        lift(params, qj, coefficients, prime, lifted);
        digits[j][t] = lifted;
      }
    }
    return digits;
  }

  /**
   * The per-key half of a hoisted key switch: the digits of {@link #decompose} permuted by an automorphism
   * ({@code permutation}, null for none) and switched with {@code key}; returns {u_0 + add_0, u_1 + add_1} as
   * {@link #switchKey} does.
   */
  static RnsPoly[] switchDecomposed(CkksParameters params, long[][][] digits, int[] permutation, KeySwitchKey key,
      int level, RnsPoly add0, RnsPoly add1) {
    int n = params.n();
    int limbs = level + 1;
    int special = params.specialIndex();
    long[][] acc0 = new long[limbs + 1][n];
    long[][] acc1 = new long[limbs + 1][n];
    for (int j = 0; j < limbs; j++) {
      for (int t = 0; t <= limbs; t++) {
        int prime = t == limbs ? special : t;
        multiplyAccumulate(params.modulus(prime).value(), digits[j][t], permutation, key, j, prime, acc0[t],
            acc1[t]);
      }
    }
    long[] scratch = new long[n];
    return new RnsPoly[] {modDown(params, acc0, level, add0, scratch), modDown(params, acc1, level, add1, scratch)};
  }

  /**
   * acc0 += digit * b_j, acc1 += digit * a_j at one prime, lazily: digit below 2^63, accumulators in [0, 2q). With a
   * permutation, digit[permutation[k]] stands for digit[k] (an automorphism in NTT form, applied on the fly).
   */
  private static void multiplyAccumulate(long q, long[] digit, int[] permutation, KeySwitchKey key, int j,
      int prime, long[] acc0, long[] acc1) {
    long[] b = key.b(j).limbs[prime];
    long[] bShoup = key.bShoup(j)[prime];
    long[] a = key.a(j).limbs[prime];
    long[] aShoup = key.aShoup(j)[prime];
    long twoQ = 2 * q;
    for (int k = 0; k < acc0.length; k++) {
      long x = permutation == null ? digit[k] : digit[permutation[k]];
      acc0[k] = ModMath.reduceOnce(acc0[k] + ModMath.mulShoupLazy(x, b[k], bShoup[k], q), twoQ);
      acc1[k] = ModMath.reduceOnce(acc1[k] + ModMath.mulShoupLazy(x, a[k], aShoup[k], q), twoQ);
    }
  }

  /** (x - [x]_P) / P (+ addend) with [x]_P centred: rows 0..level of x mod Q_l P (row level+1 is mod P). */
  private static RnsPoly modDown(CkksParameters params, long[][] x, int level, RnsPoly addend, long[] lifted) {
    int limbs = level + 1;
    int special = params.specialIndex();
    long p = params.modulus(special).value();
    long[] remainder = x[limbs];
    params.ntt(special).inverse(remainder);
    RoundedDivision.shiftByHalf(remainder, p);
    for (int i = 0; i < limbs; i++) {
      RoundedDivision.divideLimb(params, i, p, remainder, x[i], params.specialInverse(i),
          params.specialInverseShoup(i), addend == null ? null : addend.limbs[i], lifted, x[i]);
    }
    return new RnsPoly(Arrays.copyOf(x, limbs));
  }
}
