package org.trustml.pruning.score;

import org.trustml.pruning.topology.PersistenceDiagram;
import org.trustml.pruning.topology.PointCloud;
import org.trustml.pruning.topology.RipsParams;
import org.trustml.pruning.topology.VietorisRipsPersistence;

/**
 * One patch of the local stage: the per-member score contributions of the note's pseudocode. For the gradient
 * variants, T steps of gradient descent on a copy of the embedded patch, accumulating ‖g_q‖ per step
 * ({@code gradSum}) or measuring each point's total displacement ({@code displacement}); for leave-one-out, the
 * centre's score only.
 */
final class PatchScorer {

  private final LocalScoreParams params;
  private final RipsParams rips;

  PatchScorer(LocalScoreParams params) {
    this.params = params;
    this.rips = params.maxDimension() == 0 ? RipsParams.h0() : RipsParams.h0h1();
  }

  /**
   * @param latent   the patch in latent coordinates, centre first (not modified)
   * @param embedded the patch on the manifold, same rows (not modified)
   * @return one contribution per patch member
   */
  double[] contributions(double[] latent, int latentDimension, double[] embedded, int dimension) {
    int m = embedded.length / dimension;
    double[] out = new double[m];
    if (params.variant() == LocalScoreParams.Variant.LEAVE_ONE_OUT) {
      out[0] = LeaveOneOutScore.of(embedded, dimension, rips, params.exponent());
      return out;
    }
    double[] v = embedded.clone();
    PersistenceDiagram embeddedDiagram = diagram(v, dimension);
    TopologicalConsistencyLoss consistency = null;
    if (params.variant() == LocalScoreParams.Variant.TOPO_CONSISTENCY) {
      PersistenceDiagram latentDiagram = diagram(latent, latentDimension);
      consistency = new TopologicalConsistencyLoss(latent, latentDimension,
          PatchGeometry.normaliser(latent, latentDimension, params.distNorm()),
          CriticalEdges.of(latentDiagram, params.maxDimension()),
          CriticalEdges.of(embeddedDiagram, params.maxDimension()));
    }
    for (int step = 0; step < params.steps(); step++) {
      if (step > 0 && params.pairs() == LocalScoreParams.Pairs.RECOMPUTE) {
        embeddedDiagram = diagram(v, dimension);
        if (consistency != null) {
          consistency = consistency.withEmbeddedEdges(CriticalEdges.of(embeddedDiagram, params.maxDimension()));
        }
      }
      double[] g = consistency != null
          ? consistency.gradient(v, dimension, PatchGeometry.normaliser(v, dimension, params.distNorm()))
          : new TotalPersistenceLoss(embeddedDiagram, params.exponent()).gradient(v, dimension);
      for (int q = 0; q < m; q++) {
        double norm = 0;
        for (int c = 0; c < dimension; c++) {
          double x = g[q * dimension + c];
          norm += x * x;
          v[q * dimension + c] -= params.learningRate() * x;
        }
        if (params.aggregation() == LocalScoreParams.Aggregation.GRAD_SUM) {
          out[q] += Math.sqrt(norm);
        }
      }
    }
    if (params.aggregation() == LocalScoreParams.Aggregation.DISPLACEMENT) {
      for (int q = 0; q < m; q++) {
        out[q] = PatchGeometry.distance(concatRows(v, embedded, dimension, q), dimension, 0, 1);
      }
    }
    return out;
  }

  private PersistenceDiagram diagram(double[] points, int dimension) {
    return VietorisRipsPersistence.compute(PointCloud.ofRowMajor(points, dimension), rips);
  }

  private static double[] concatRows(double[] a, double[] b, int dimension, int row) {
    double[] two = new double[2 * dimension];
    System.arraycopy(a, row * dimension, two, 0, dimension);
    System.arraycopy(b, row * dimension, two, dimension, dimension);
    return two;
  }
}
