package org.trustml.pruning.topology;

/**
 * Backpropagation through a persistence diagram. The pairing is piecewise constant in the points, so each birth and
 * death is locally the length of its critical edge, and the chain rule gives dL/dx through
 * d‖x_a − x_b‖/dx_a = (x_a − x_b)/‖x_a − x_b‖ = −d‖x_a − x_b‖/dx_b (the pattern of Topological Autoencoders, Moor
 * et al., arXiv 1906.00722). Where pairs change (ties) this is one subgradient.
 */
public final class PersistenceGradients {

  /** Shorter edges have no direction to differentiate along; their contribution is dropped. */
  static final double MIN_EDGE_LENGTH = 1e-12;

  private PersistenceGradients() {}

  /**
   * dL/dpoints for a loss of the diagram.
   *
   * @param points  the cloud the diagram was computed from (not modified)
   * @param diagram its diagram
   * @param h0      upstream gradients of the H0 pairs
   * @param h1      upstream gradients of the H1 pairs
   * @return row-major n×D gradient, laid out like {@link PointCloud#toRowMajor()}
   */
  public static double[] pointGradients(PointCloud points, PersistenceDiagram diagram, PairGradients h0,
      PairGradients h1) {
    double[] gradient = new double[points.size() * points.dimension()];
    accumulate(points, diagram.h0(), h0, gradient);
    accumulate(points, diagram.h1(), h1, gradient);
    return gradient;
  }

  private static void accumulate(PointCloud points, PersistencePairs pairs, PairGradients upstream,
      double[] gradient) {
    if (upstream.size() != pairs.size()) {
      throw new IllegalArgumentException("H" + pairs.dimension() + " has " + pairs.size() + " pairs, got "
          + upstream.size() + " gradients");
    }
    for (int k = 0; k < pairs.size(); k++) {
      if (pairs.hasBirthEdge(k)) {
        addEdgeLengthGradient(points, pairs.birthVertex(k, 0), pairs.birthVertex(k, 1), upstream.dBirth()[k],
            gradient);
      }
      if (pairs.hasDeathEdge(k)) {
        addEdgeLengthGradient(points, pairs.deathVertex(k, 0), pairs.deathVertex(k, 1), upstream.dDeath()[k],
            gradient);
      }
    }
  }

  /**
   * Adds dL/dℓ · dℓ/dx for the length ℓ of edge {a, b} to a row-major gradient.
   *
   * @param gradient n×D, row-major (modified)
   */
  public static void addEdgeLengthGradient(PointCloud points, int a, int b, double dLossDLength, double[] gradient) {
    if (dLossDLength == 0) {
      return;
    }
    double length = points.distance(a, b);
    if (length < MIN_EDGE_LENGTH) {
      return;
    }
    int d = points.dimension();
    double scale = dLossDLength / length;
    for (int k = 0; k < d; k++) {
      double g = scale * (points.coordinate(a, k) - points.coordinate(b, k));
      gradient[a * d + k] += g;
      gradient[b * d + k] -= g;
    }
  }
}
