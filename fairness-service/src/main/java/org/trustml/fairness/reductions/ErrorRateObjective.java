package org.trustml.fairness.reductions;

/**
 * The objective of the reductions: cost-weighted misclassification {@code (c_FN·Σ FN + c_FP·Σ FP) / n}, for hard
 * decisions or probabilities of decision 1 (Fairlearn's {@code ErrorRate}).
 */
final class ErrorRateObjective {

  private final int[] labels;
  private final double fpCost;
  private final double fnCost;

  ErrorRateObjective(int[] labels, double fpCost, double fnCost) {
    if (!(fpCost >= 0 && fnCost >= 0 && fpCost + fnCost > 0)) {
      throw new IllegalArgumentException("costs must be non-negative and not both zero");
    }
    this.labels = labels;
    this.fpCost = fpCost;
    this.fnCost = fnCost;
  }

  /** The expected cost per row of the given predictions (0/1 or P(ŷ=1)). */
  double error(double[] predictions) {
    double fn = 0;
    double fp = 0;
    for (int i = 0; i < labels.length; i++) {
      double signed = labels[i] - predictions[i];
      if (signed > 0) {
        fn += signed * fnCost;
      } else if (signed < 0) {
        fp -= signed * fpCost;
      }
    }
    return (fn + fp) / labels.length;
  }

  /** Signed cost per row of deciding 1 instead of 0, negated: positive rows gain {@code c_FN}, negative lose {@code c_FP}. */
  double[] signedWeights() {
    double[] w = new double[labels.length];
    for (int i = 0; i < labels.length; i++) {
      w[i] = -fpCost + (fpCost + fnCost) * labels[i];
    }
    return w;
  }
}
