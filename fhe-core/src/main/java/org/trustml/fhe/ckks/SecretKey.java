package org.trustml.fhe.ckks;

/** The ternary secret s, kept in NTT form over every prime (data and special). Never leaves the client. */
public final class SecretKey {

  private final CkksParameters params;
  private final long[] coefficients; // in {-1, 0, 1}
  private final RnsPoly poly;

  SecretKey(CkksParameters params, long[] coefficients) {
    this.params = params;
    this.coefficients = coefficients;
    this.poly = PolyArithmetic.fromSmall(params, coefficients, PolyArithmetic.keyIndices(params));
  }

  /** The parameter set of this key. */
  public CkksParameters parameters() {
    return params;
  }

  long[] coefficients() {
    return coefficients;
  }

  RnsPoly poly() {
    return poly;
  }
}
