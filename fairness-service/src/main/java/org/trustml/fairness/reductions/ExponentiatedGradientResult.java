package org.trustml.fairness.reductions;

/**
 * What {@link ExponentiatedGradient} found, with Fairlearn's diagnostics.
 *
 * @param classifier the randomized classifier of the best iteration (weights over all found predictors)
 * @param bestGap its duality gap: error within 2·bestGap of the best under the constraint, violation at most
 *     2·(eps + bestGap)
 * @param lastIter the last iteration run (0-based)
 * @param bestIter the iteration whose mixture was kept (the last one within 1e-8 of the smallest gap)
 * @param oracleCalls how often the learner (or the one-class constant) was fitted
 * @param nu the convergence threshold used
 */
public record ExponentiatedGradientResult(
    RandomizedClassifier classifier, double bestGap, int lastIter, int bestIter, int oracleCalls, double nu) {

  /** The number of distinct predictors found (including those with weight 0). */
  public int predictorCount() {
    return classifier.predictors().size();
  }
}
