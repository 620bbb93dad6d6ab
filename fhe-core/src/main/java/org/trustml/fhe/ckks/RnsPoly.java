package org.trustml.fhe.ckks;

/**
 * A polynomial of Z_Q[X]/(X^N + 1) in residue-number-system form: one row of N residues per prime. Rows are indexed
 * like {@link CkksParameters#modulus(int)} for the first rows; key polynomials carry the special prime as an extra
 * last row. Which form (coefficients or NTT evaluations) the rows hold is the owner's invariant: inside ciphertexts,
 * plaintexts and keys always NTT form.
 */
final class RnsPoly {

  final long[][] limbs;

  RnsPoly(long[][] limbs) {
    this.limbs = limbs;
  }

  static RnsPoly zero(int limbCount, int n) {
    return new RnsPoly(new long[limbCount][n]);
  }

  int limbCount() {
    return limbs.length;
  }

  RnsPoly copy() {
    long[][] rows = new long[limbs.length][];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = limbs[i].clone();
    }
    return new RnsPoly(rows);
  }

  /** The first {@code count} rows, copied. */
  RnsPoly firstLimbs(int count) {
    long[][] rows = new long[count][];
    for (int i = 0; i < count; i++) {
      rows[i] = limbs[i].clone();
    }
    return new RnsPoly(rows);
  }
}
