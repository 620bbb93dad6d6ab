package org.trustml.pruning.manifold;

/** Named tolerances of the manifold tests. */
final class Tolerances {

  /** The membership sum is solved by bisection to 1e-12; the issue asks for 1e-5. */
  static final double MEMBERSHIP_SUM = 1e-5;
  /** Arithmetic identities evaluated in double. */
  static final double EXACT = 1e-12;
  /** Our trustworthiness against scikit-learn's: same formula, different summation order. */
  static final double SKLEARN = 1e-9;

  private Tolerances() {}
}
