package org.trustml.pruning.score;

import org.trustml.pruning.topology.PersistenceDiagram;
import org.trustml.pruning.topology.PointCloud;
import org.trustml.pruning.topology.RipsParams;
import org.trustml.pruning.topology.VietorisRipsPersistence;

/**
 * L-B′ of the design note: |Pers(P) − Pers(P \ {centre})|, the change of total persistence Σ (d − b)^p of the
 * embedded patch when its centre (row 0) is left out. No gradients; the slowest variant, kept as a check.
 */
final class LeaveOneOutScore {

  private LeaveOneOutScore() {}

  /**
   * @param patch row-major embedded patch, centre in row 0 (not modified)
   */
  static double of(double[] patch, int dimension, RipsParams rips, double exponent) {
    int m = patch.length / dimension;
    if (m < 2) {
      return 0;
    }
    double[] rest = new double[(m - 1) * dimension];
    System.arraycopy(patch, dimension, rest, 0, rest.length);
    return Math.abs(totalPersistence(patch, dimension, rips, exponent)
        - totalPersistence(rest, dimension, rips, exponent));
  }

  static double totalPersistence(double[] points, int dimension, RipsParams rips, double exponent) {
    PersistenceDiagram d = VietorisRipsPersistence.compute(PointCloud.ofRowMajor(points, dimension), rips);
    return new TotalPersistenceLoss(d, exponent).value(points, dimension);
  }
}
