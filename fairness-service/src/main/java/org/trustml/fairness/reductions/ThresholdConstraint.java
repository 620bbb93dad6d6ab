package org.trustml.fairness.reductions;

/** The parity a {@link ThresholdOptimizer} enforces exactly on the expected decisions of each group. */
public enum ThresholdConstraint {
  /** Equal selection rates P(ŷ=1 | A=a). */
  DEMOGRAPHIC_PARITY(true, false, false),
  /** Equal true and false positive rates (Hardt et al. 2016). */
  EQUALIZED_ODDS(false, true, true),
  /** Equal true positive rates (equal opportunity). */
  TRUE_POSITIVE_RATE_PARITY(false, true, false),
  /** Equal false positive rates. */
  FALSE_POSITIVE_RATE_PARITY(false, false, true);

  final boolean selectionRate;
  final boolean truePositiveRate;
  final boolean falsePositiveRate;

  ThresholdConstraint(boolean selectionRate, boolean truePositiveRate, boolean falsePositiveRate) {
    this.selectionRate = selectionRate;
    this.truePositiveRate = truePositiveRate;
    this.falsePositiveRate = falsePositiveRate;
  }
}
