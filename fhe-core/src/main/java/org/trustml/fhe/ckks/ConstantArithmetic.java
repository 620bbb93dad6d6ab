package org.trustml.fhe.ckks;

/**
 * Ciphertext-by-constant kernels for throughput-packed networks, where every slot holds another image and a weight is
 * the same in all slots. A constant c in every slot encodes to the constant polynomial round(c * scale), whose NTT form
 * is that integer in every position, so multiplying or adding it is a scalar operation per residue: no encoding, no
 * plaintext polynomial.
 */
final class ConstantArithmetic {

  private ConstantArithmetic() {}

  /**
   * sum_j factors[j] * inputs[j] over the first {@code limbs} residues of part {@code part}; zero factors are skipped.
   * Products are Shoup-lazy in [0, 2q) and the running sum stays in [0, 2q), reduced once at the end.
   */
  static long[][] dotLimbs(CkksParameters params, Ciphertext[] inputs, long[] factors, int part, int limbs) {
    int n = params.n();
    long[][] out = new long[limbs][n];
    for (int i = 0; i < limbs; i++) {
      Modulus m = params.modulus(i);
      long q = m.value();
      long twoQ = 2 * q;
      long[] acc = out[i];
      for (int j = 0; j < inputs.length; j++) {
        if (factors[j] == 0) {
          continue;
        }
        long w = m.reduceSigned(factors[j]);
        long wShoup = ModMath.shoup(w, q);
        long[] x = inputs[j].part(part).limbs[i];
        for (int k = 0; k < n; k++) {
          long product = x[k] * w - ModMath.mulHighUnsigned(x[k], wShoup) * q;
          acc[k] = ModMath.reduceOnce(acc[k] + product, twoQ);
        }
      }
      for (int k = 0; k < n; k++) {
        acc[k] = ModMath.reduceOnce(acc[k], q);
      }
    }
    return out;
  }

  /** Adds the signed integer {@code value} to every NTT position of the first {@code limbs} rows (modified). */
  static void addInteger(CkksParameters params, RnsPoly poly, long value, int limbs) {
    for (int i = 0; i < limbs; i++) {
      Modulus m = params.modulus(i);
      long c = m.reduceSigned(value);
      long[] row = poly.limbs[i];
      for (int k = 0; k < row.length; k++) {
        row[k] = m.add(row[k], c);
      }
    }
  }
}
