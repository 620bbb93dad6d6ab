package org.trustml.fhe.ckks;

/** An encoded message: one polynomial (NTT form) at a level, with the scale its slots were multiplied by. */
public final class Plaintext {

  private final CkksParameters params;
  private final RnsPoly poly;
  private final int level;
  private final double scale;

  Plaintext(CkksParameters params, RnsPoly poly, int level, double scale) {
    this.params = params;
    this.poly = poly;
    this.level = level;
    this.scale = scale;
  }

  /** The parameter set this plaintext was encoded under. */
  public CkksParameters parameters() {
    return params;
  }

  RnsPoly poly() {
    return poly;
  }

  /** Level: the plaintext lives modulo q_0 * ... * q_level. */
  public int level() {
    return level;
  }

  /** Scale Delta of the encoding. */
  public double scale() {
    return scale;
  }
}
