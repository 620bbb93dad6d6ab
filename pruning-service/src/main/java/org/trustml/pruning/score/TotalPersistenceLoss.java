package org.trustml.pruning.score;

import org.trustml.pruning.topology.PairGradients;
import org.trustml.pruning.topology.PersistenceDiagram;
import org.trustml.pruning.topology.PersistenceGradients;
import org.trustml.pruning.topology.PersistencePairs;
import org.trustml.pruning.topology.PointCloud;

/**
 * L-B of the design note: total persistence Σ_{(b,d)} (d − b)^p over the finite pairs of D0 ∪ D1 of the embedded
 * patch, with births and deaths read as the current lengths of the pairs' critical edges (so the pairs stay fixed
 * while the points move). ∂L/∂d = p(d − b)^{p−1} = −∂L/∂b, turned into ∂L/∂v by
 * {@link PersistenceGradients#pointGradients}.
 */
final class TotalPersistenceLoss {

  private final PersistenceDiagram diagram;
  private final double exponent;

  /**
   * @param diagram  the pairs (computed once, or recomputed by the caller for {@code local.pairs = recompute})
   * @param exponent p ≥ 1
   */
  TotalPersistenceLoss(PersistenceDiagram diagram, double exponent) {
    this.diagram = diagram;
    this.exponent = exponent;
  }

  /** Σ (d − b)^p at coordinates v. */
  double value(double[] v, int dimension) {
    double s = 0;
    for (int dim = 0; dim <= 1; dim++) {
      PersistencePairs pairs = diagram.dimension(dim);
      for (int k = 0; k < pairs.size(); k++) {
        if (pairs.hasDeathEdge(k)) {
          s += Math.pow(Math.max(0, death(pairs, k, v, dimension) - birth(pairs, k, v, dimension)), exponent);
        }
      }
    }
    return s;
  }

  /**
   * ∂L/∂v.
   *
   * @param v row-major embedded patch (not modified)
   */
  double[] gradient(double[] v, int dimension) {
    PointCloud cloud = PointCloud.ofRowMajor(v, dimension);
    return PersistenceGradients.pointGradients(cloud, diagram, upstream(diagram.h0(), v, dimension),
        upstream(diagram.h1(), v, dimension));
  }

  private PairGradients upstream(PersistencePairs pairs, double[] v, int dimension) {
    double[] dBirth = new double[pairs.size()];
    double[] dDeath = new double[pairs.size()];
    for (int k = 0; k < pairs.size(); k++) {
      if (!pairs.hasDeathEdge(k)) {
        continue;
      }
      double persistence = death(pairs, k, v, dimension) - birth(pairs, k, v, dimension);
      double slope = exponent == 1 ? 1 : exponent * Math.pow(Math.max(0, persistence), exponent - 1);
      dDeath[k] = slope;
      dBirth[k] = -slope;
    }
    return new PairGradients(dBirth, dDeath);
  }

  private static double birth(PersistencePairs pairs, int k, double[] v, int dimension) {
    return pairs.hasBirthEdge(k)
        ? PatchGeometry.distance(v, dimension, pairs.birthVertex(k, 0), pairs.birthVertex(k, 1)) : 0;
  }

  private static double death(PersistencePairs pairs, int k, double[] v, int dimension) {
    return PatchGeometry.distance(v, dimension, pairs.deathVertex(k, 0), pairs.deathVertex(k, 1));
  }
}
