package org.trustml.fhe.ckks;

/**
 * A hybrid key-switching key from s' to s: for each digit j (one per data prime),
 * (b_j, a_j) = (-a_j s + e_j + P [s']_{q_j} g_j, a_j) modulo QP, where g_j is 1 modulo q_j and 0 modulo the other
 * primes. Relinearisation uses s' = s^2, rotation by the Galois element g uses s' = s(X^g). The a_j come from one
 * 32-byte seed.
 */
public final class KeySwitchKey {

  static final String DOMAIN = "key-switch-a";

  private final CkksParameters params;
  private final int galoisElement; // 0 for the relinearisation key
  private final byte[] seed;
  private final RnsPoly[] b;
  private final RnsPoly[] a;
  // Shoup companions of every residue of b and a ([digit][prime][k]): key switching multiplies by these fixed values
  private final long[][][] bShoup;
  private final long[][][] aShoup;

  KeySwitchKey(CkksParameters params, int galoisElement, byte[] seed, RnsPoly[] b) {
    this.params = params;
    this.galoisElement = galoisElement;
    this.seed = seed.clone();
    this.b = b;
    this.a = new RnsPoly[b.length];
    this.bShoup = new long[b.length][][];
    this.aShoup = new long[b.length][][];
    for (int j = 0; j < b.length; j++) {
      a[j] = uniform(params, seed, j);
      bShoup[j] = shoupRows(params, b[j]);
      aShoup[j] = shoupRows(params, a[j]);
    }
  }

  private static long[][] shoupRows(CkksParameters params, RnsPoly poly) {
    long[][] rows = new long[poly.limbCount()][];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = params.modulus(i).shoupRow(poly.limbs[i]);
    }
    return rows;
  }

  static RnsPoly uniform(CkksParameters params, byte[] seed, int digit) {
    return Sampler.uniformPoly(params, seed, DOMAIN, digit, PolyArithmetic.keyIndices(params));
  }

  /** The parameter set of this key. */
  public CkksParameters parameters() {
    return params;
  }

  /** The Galois element g of a rotation key (X -> X^g), or 0 for the relinearisation key. */
  public int galoisElement() {
    return galoisElement;
  }

  byte[] seed() {
    return seed.clone();
  }

  int digits() {
    return b.length;
  }

  RnsPoly b(int digit) {
    return b[digit];
  }

  RnsPoly a(int digit) {
    return a[digit];
  }

  long[][] bShoup(int digit) {
    return bShoup[digit];
  }

  long[][] aShoup(int digit) {
    return aShoup[digit];
  }
}
