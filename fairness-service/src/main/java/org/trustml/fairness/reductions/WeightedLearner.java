package org.trustml.fairness.reductions;

/**
 * A learning algorithm that accepts per-row weights: the oracle the reductions call with relabelled, reweighted
 * data (Agarwal et al. 2018, cost-sensitive classification as weighted classification).
 */
@FunctionalInterface
public interface WeightedLearner {

  /**
   * Fits a classifier.
   *
   * @param rows row-major features, {@code labels.length x width} values
   * @param width number of features per row
   * @param labels 0/1 per row
   * @param weights non-negative weight per row
   */
  Classifier fit(float[] rows, int width, int[] labels, double[] weights);
}
