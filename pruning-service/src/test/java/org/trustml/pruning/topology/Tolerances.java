package org.trustml.pruning.topology;

/** Named tolerances of the topology tests. */
final class Tolerances {

  /** Diagram values are exact edge lengths; this only absorbs the last bit of closed forms like 2 sin(kπ/n). */
  static final double EXACT = 1e-12;
  /** Against ripser on a distance matrix whose entries float and decimal printing represent exactly. */
  static final double RIPSER_EXACT = 1e-9;
  /** Against ripser on coordinates: it computes distances in float and prints 6 significant digits. */
  static final double RIPSER_FLOAT_RELATIVE = 2e-5;
  /** Central differences (h = 1e-6) against the analytic gradient, relative to the gradient's norm. */
  static final double FINITE_DIFFERENCE_RELATIVE = 1e-5;

  private Tolerances() {}
}
