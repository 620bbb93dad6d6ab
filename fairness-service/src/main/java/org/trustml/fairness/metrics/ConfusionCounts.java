package org.trustml.fairness.metrics;

/**
 * The four confusion counts of one group. Every group metric is a ratio of these, which is why groups are
 * counted once (or once per bootstrap resample) and every rate is derived from the counts.
 */
public record ConfusionCounts(long tp, long fp, long tn, long fn) {

  public long n() {
    return tp + fp + tn + fn;
  }

  /** Rows with y = 1. */
  public long positives() {
    return tp + fn;
  }

  /** Rows with y = 0. */
  public long negatives() {
    return fp + tn;
  }

  /** Rows with ŷ = 1. */
  public long predictedPositives() {
    return tp + fp;
  }

  /** Counts from an array indexed by outcome code (see {@link Predictions}). */
  static ConfusionCounts of(long[] byOutcome) {
    return new ConfusionCounts(byOutcome[Predictions.TP], byOutcome[Predictions.FP], byOutcome[Predictions.TN],
        byOutcome[Predictions.FN]);
  }
}
