package org.trustml.fhe.ckks;

/**
 * Coefficient-wise RNS operations, limb by limb. Row i of every operand is reduced by {@code params.modulus(i)}, so
 * polynomials that carry the special prime must be handled by the key-switching code instead. Outputs come last and
 * may alias an input.
 */
final class PolyArithmetic {

  private PolyArithmetic() {}

  static void add(CkksParameters params, RnsPoly a, RnsPoly b, int limbs, RnsPoly out) {
    for (int i = 0; i < limbs; i++) {
      long q = params.modulus(i).value();
      long[] x = a.limbs[i];
      long[] y = b.limbs[i];
      long[] z = out.limbs[i];
      for (int k = 0; k < x.length; k++) {
        long s = x[k] + y[k];
        z[k] = s >= q ? s - q : s;
      }
    }
  }

  static void sub(CkksParameters params, RnsPoly a, RnsPoly b, int limbs, RnsPoly out) {
    for (int i = 0; i < limbs; i++) {
      long q = params.modulus(i).value();
      long[] x = a.limbs[i];
      long[] y = b.limbs[i];
      long[] z = out.limbs[i];
      for (int k = 0; k < x.length; k++) {
        long d = x[k] - y[k];
        z[k] = d < 0 ? d + q : d;
      }
    }
  }

  static void negate(CkksParameters params, RnsPoly a, int limbs, RnsPoly out) {
    for (int i = 0; i < limbs; i++) {
      long q = params.modulus(i).value();
      long[] x = a.limbs[i];
      long[] z = out.limbs[i];
      for (int k = 0; k < x.length; k++) {
        z[k] = x[k] == 0 ? 0 : q - x[k];
      }
    }
  }

  /** Pointwise product (a negacyclic convolution, since operands are in NTT form). */
  static void multiply(CkksParameters params, RnsPoly a, RnsPoly b, int limbs, RnsPoly out) {
    for (int i = 0; i < limbs; i++) {
      multiplyLimb(params.modulus(i), a.limbs[i], b.limbs[i], out.limbs[i]);
    }
  }

  static void multiplyLimb(Modulus m, long[] x, long[] y, long[] z) {
    for (int k = 0; k < x.length; k++) {
      z[k] = m.mul(x[k], y[k]);
    }
  }

  /** z += x * y mod q. */
  static void multiplyAddLimb(Modulus m, long[] x, long[] y, long[] z) {
    long q = m.value();
    for (int k = 0; k < x.length; k++) {
      long s = z[k] + m.mul(x[k], y[k]);
      z[k] = s >= q ? s - q : s;
    }
  }

  /** Signed small integers (e.g. errors, secrets) into residues at limbs 0..count-1 of {@code moduli}, then NTT. */
  static RnsPoly fromSmall(CkksParameters params, long[] values, int[] moduli) {
    long[][] rows = new long[moduli.length][];
    for (int r = 0; r < moduli.length; r++) {
      Modulus m = params.modulus(moduli[r]);
      long[] row = new long[values.length];
      for (int k = 0; k < values.length; k++) {
        row[k] = m.reduceSigned(values[k]);
      }
      params.ntt(moduli[r]).forward(row);
      rows[r] = row;
    }
    return new RnsPoly(rows);
  }

  /** Indices 0..level: the data primes of a level. */
  static int[] dataIndices(int level) {
    int[] idx = new int[level + 1];
    for (int i = 0; i <= level; i++) {
      idx[i] = i;
    }
    return idx;
  }

  /** Indices of every data prime and the special prime: the key modulus QP. */
  static int[] keyIndices(CkksParameters params) {
    int[] idx = new int[params.modulusCount()];
    for (int i = 0; i < idx.length; i++) {
      idx[i] = i;
    }
    return idx;
  }
}
