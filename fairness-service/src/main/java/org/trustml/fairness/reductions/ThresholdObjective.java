package org.trustml.fairness.reductions;

/** What a {@link ThresholdOptimizer} maximises under its constraint, on expected decisions. */
public enum ThresholdObjective {
  /** (TP + TN) / n. */
  ACCURACY,
  /** (TPR + TNR) / 2 over all rows. */
  BALANCED_ACCURACY
}
