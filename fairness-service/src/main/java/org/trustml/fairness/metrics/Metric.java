package org.trustml.fairness.metrics;

/**
 * The group metrics of a binary classifier. A rate whose denominator is zero is undefined and is {@code NaN},
 * never 0: a group without positives has no true-positive rate, and reporting 0 (as mmm-fair's 1e-10 guard does)
 * or 1 would make a missing group look unfair or fair. {@link #undefinedReason} says why.
 */
public enum Metric {

  /** P(ŷ = 1): demographic parity compares it. */
  SELECTION_RATE("selection_rate"),
  /** P(ŷ = 1 | y = 1), recall: equal opportunity compares it. */
  TPR("tpr"),
  /** P(ŷ = 1 | y = 0). */
  FPR("fpr"),
  /** P(ŷ = 0 | y = 0) = 1 − FPR: mmm-fair compares it. */
  TNR("tnr"),
  /** P(y = 1 | ŷ = 1). */
  PRECISION("precision"),
  /** P(ŷ = y). */
  ACCURACY("accuracy"),
  /** (TPR + TNR) / 2, undefined when either is. */
  BALANCED_ACCURACY("balanced_accuracy");

  private final String id;

  Metric(String id) {
    this.id = id;
  }

  /** The name used in results (snake case, as Fairlearn names its metrics). */
  public String id() {
    return id;
  }

  public double value(ConfusionCounts c) {
    return switch (this) {
      case SELECTION_RATE -> ratio(c.predictedPositives(), c.n());
      case TPR -> ratio(c.tp(), c.positives());
      case FPR -> ratio(c.fp(), c.negatives());
      case TNR -> ratio(c.tn(), c.negatives());
      case PRECISION -> ratio(c.tp(), c.predictedPositives());
      case ACCURACY -> ratio(c.tp() + c.tn(), c.n());
      // NaN propagates: a group with one class has no balanced accuracy
      case BALANCED_ACCURACY -> (TPR.value(c) + TNR.value(c)) / 2;
    };
  }

  /**
   * The size of the population the rate is taken over (its denominator): n for selection rate, accuracy and
   * balanced accuracy, the positives for TPR, the negatives for FPR and TNR, the predicted positives for precision.
   * Rich-subgroup fairness weighs a group's deviation by this mass.
   */
  public long denominator(ConfusionCounts c) {
    return switch (this) {
      case SELECTION_RATE, ACCURACY, BALANCED_ACCURACY -> c.n();
      case TPR -> c.positives();
      case FPR, TNR -> c.negatives();
      case PRECISION -> c.predictedPositives();
    };
  }

  /** Why the metric is undefined for these counts, or {@code null} when it is defined. */
  public String undefinedReason(ConfusionCounts c) {
    return switch (this) {
      case SELECTION_RATE, ACCURACY -> c.n() == 0 ? "no rows" : null;
      case TPR -> c.positives() == 0 ? "no positives (y = 1)" : null;
      case FPR, TNR -> c.negatives() == 0 ? "no negatives (y = 0)" : null;
      case PRECISION -> c.predictedPositives() == 0 ? "no predicted positives (ŷ = 1)" : null;
      case BALANCED_ACCURACY -> c.positives() == 0 || c.negatives() == 0 ? "needs both classes" : null;
    };
  }

  private static double ratio(long numerator, long denominator) {
    return denominator == 0 ? Double.NaN : (double) numerator / denominator;
  }
}
