package org.trustml.pruning.score;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;
import org.trustml.pruning.topology.PersistenceDiagram;
import org.trustml.pruning.topology.PointCloud;
import org.trustml.pruning.topology.RipsParams;
import org.trustml.pruning.topology.VietorisRipsPersistence;

/** The hand-written gradients of L-A and L-B against central differences with the pairs held fixed. */
class LossGradientTest {

  /** Central differences (h = 1e-6) against the analytic gradient, relative to the gradient's norm. */
  static final double FINITE_DIFFERENCE_RELATIVE = 1e-5;
  static final double H = 1e-6;

  private static double[] gaussian(Random random, int n, int d) {
    double[] x = new double[n * d];
    for (int i = 0; i < x.length; i++) {
      x[i] = random.nextGaussian();
    }
    return x;
  }

  private static PersistenceDiagram diagram(double[] x, int d) {
    return VietorisRipsPersistence.compute(PointCloud.ofRowMajor(x, d), RipsParams.h0h1());
  }

  private static void assertMatchesCentralDifferences(double[] v, double[] analytic, ToDoubleFunction<double[]> f) {
    double diff = 0;
    double norm = 0;
    for (int i = 0; i < v.length; i++) {
      double[] plus = v.clone();
      double[] minus = v.clone();
      plus[i] += H;
      minus[i] -= H;
      double numeric = (f.applyAsDouble(plus) - f.applyAsDouble(minus)) / (2 * H);
      diff += (numeric - analytic[i]) * (numeric - analytic[i]);
      norm += analytic[i] * analytic[i];
    }
    assertTrue(norm > 0, "a zero gradient checks nothing");
    double relative = Math.sqrt(diff / norm);
    assertTrue(relative < FINITE_DIFFERENCE_RELATIVE, "relative error " + relative);
  }

  @Test
  void topologicalConsistencyGradientMatchesFiniteDifferences() {
    for (long seed = 1; seed <= 5; seed++) {
      Random random = new Random(seed);
      double[] z = gaussian(random, 14, 6);
      double[] v = gaussian(random, 14, 2);
      for (LocalScoreParams.DistNorm norm : LocalScoreParams.DistNorm.values()) {
        TopologicalConsistencyLoss loss = new TopologicalConsistencyLoss(z, 6, PatchGeometry.normaliser(z, 6, norm),
            CriticalEdges.of(diagram(z, 6), 1), CriticalEdges.of(diagram(v, 2), 1));
        double embeddedNorm = PatchGeometry.normaliser(v, 2, norm);
        assertMatchesCentralDifferences(v, loss.gradient(v, 2, embeddedNorm), w -> loss.value(w, 2, embeddedNorm));
      }
    }
  }

  @Test
  void totalPersistenceGradientMatchesFiniteDifferences() {
    for (long seed = 1; seed <= 5; seed++) {
      double[] v = gaussian(new Random(seed), 16, 3);
      PersistenceDiagram d = diagram(v, 3);
      for (double p : new double[] {1, 2, 1.5}) {
        TotalPersistenceLoss loss = new TotalPersistenceLoss(d, p);
        assertMatchesCentralDifferences(v, loss.gradient(v, 3), w -> loss.value(w, 3));
      }
    }
  }
}
