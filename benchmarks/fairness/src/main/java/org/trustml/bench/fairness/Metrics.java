package org.trustml.bench.fairness;

import org.trustml.fairness.data.FairProblem;
import org.trustml.fairness.pareto.CandidateEvaluator;
import org.trustml.fairness.pareto.CandidateTable;
import org.trustml.fairness.pareto.FairnessObjective;

/** Measures every method's hard test predictions the same way: CandidateEvaluator's columns. */
public final class Metrics {

  /**
   * A cell's rate enters the {@code :cells} gaps (and intersectional training) only when its denominator has at least
   * this many rows: positives for TPR, negatives for FPR, all rows for the selection rate. The service's default is
   * 30; 100 keeps the sampling error of one cell's TPR near ±0.05, so the worst-cell gap is not noise.
   */
  public static final int MIN_SUPPORT = 100;

  private Metrics() {}

  public static CandidateTable of(int[] predictions, FairProblem test) {
    return CandidateEvaluator.evaluate(predictions, test, FairnessObjective.EO, true, MIN_SUPPORT);
  }
}
