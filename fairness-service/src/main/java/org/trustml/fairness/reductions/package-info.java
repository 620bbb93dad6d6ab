/**
 * Fairness baselines that wrap or prepare an ordinary learner (design note {@code fairness-service.md} §10).
 *
 * <ul>
 *   <li>{@link org.trustml.fairness.reductions.ExponentiatedGradient}: Agarwal et al. (2018) reductions with the
 *   {@link org.trustml.fairness.reductions.ParityConstraint} moments under a difference or ratio
 *   {@link org.trustml.fairness.reductions.ParityBound}; any {@link org.trustml.fairness.reductions.WeightedLearner}
 *   (e.g. {@link org.trustml.fairness.reductions.WeightedLogisticRegression}) is the oracle; the result is a
 *   {@link org.trustml.fairness.reductions.RandomizedClassifier}. Reproduces Fairlearn's golden table.</li>
 *   <li>{@link org.trustml.fairness.reductions.ThresholdOptimizer}: Hardt et al. (2016) post-processing of any scores
 *   into per-group randomized thresholds ({@link org.trustml.fairness.reductions.ThresholdClassifier}).</li>
 *   <li>{@link org.trustml.fairness.reductions.Reweighing}: Kamiran and Calders' pre-processing weights.</li>
 *   <li>{@link org.trustml.fairness.reductions.BaselineFit}: one {@link org.trustml.fairness.reductions.Baseline}
 *   (LR, Reweighing + LR, ThresholdOptimizer(EO) on LR, EG(DP), EG(EO)) fitted on a training part and predicting a
 *   test part, as the benchmark and the {@code fairness.baselines} job run them.</li>
 * </ul>
 *
 * <p>Groups are int codes per row: one attribute's {@code codes} of a
 * {@link org.trustml.fairness.data.FairProblem}, or its intersectional {@code cells}. Randomized decisions come
 * from seeded generators only.
 */
package org.trustml.fairness.reductions;
