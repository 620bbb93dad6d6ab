package org.trustml.pruning.diagnostics;

import java.util.List;
import org.trustml.pruning.topology.PersistencePairs;

/**
 * Everything the diagnostics found, as plain records and arrays (written as JSON as they are).
 *
 * @param space   {@code manifold} or {@code latent}: the points of the diagrams
 * @param classes one entry per class, in label order
 * @param map     the 2-D map
 */
public record DiagnosticsReport(String space, List<ClassReport> classes, SampleMap map) {

  /**
   * One class.
   *
   * @param label           the class's label value
   * @param samples         its samples
   * @param kept            of them kept, or null without a selection
   * @param landmarks       points of the diagram (all samples up to maxPoints)
   * @param coveringRadius  max distance of a sample to its nearest landmark
   * @param bottleneckBound 2 × the covering radius: the landmarks' diagram is at most this far (bottleneck
   *                        distance) from the whole class's
   * @param h0              components
   * @param h1              cycles
   * @param betti           β0, β1 over the scale
   * @param histogram       the scores with kept counts
   * @param seconds         time of this class's landmarks, persistence and curves
   */
  public record ClassReport(String label, int samples, Integer kept, int landmarks, double coveringRadius,
      double bottleneckBound, Bars h0, Bars h1, BettiCurves betti, ScoreHistogram histogram, double seconds) {}

  /**
   * The bars of one dimension, JSON-friendly (no infinities).
   *
   * @param finite    [birth, death] of every bar that dies, in the order computed
   * @param essential the births of the bars that never die
   */
  public record Bars(double[][] finite, double[] essential) {

    static Bars of(PersistencePairs pairs) {
      int essential = 0;
      for (int k = 0; k < pairs.size(); k++) {
        essential += pairs.isEssential(k) ? 1 : 0;
      }
      double[][] finite = new double[pairs.size() - essential][];
      double[] births = new double[essential];
      int f = 0;
      int e = 0;
      for (int k = 0; k < pairs.size(); k++) {
        if (pairs.isEssential(k)) {
          births[e++] = pairs.birth(k);
        } else {
          finite[f++] = new double[] {pairs.birth(k), pairs.death(k)};
        }
      }
      return new Bars(finite, births);
    }

    /** The longest finite bar's death − birth, or 0. */
    public double longest() {
      double best = 0;
      for (double[] bar : finite) {
        best = Math.max(best, bar[1] - bar[0]);
      }
      return best;
    }
  }
}
