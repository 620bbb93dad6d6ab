package org.trustml.bench.fairness;

import org.trustml.fairness.data.FairProblem;
import org.trustml.fairness.pareto.CandidateEvaluator;
import org.trustml.fairness.pareto.CandidateTable;
import org.trustml.fairness.pareto.FairnessObjective;

/** Measures every method's hard test predictions the same way: CandidateEvaluator's columns. */
public final class Metrics {

  /**
   * Cells with fewer rows than this are left out of the {@code :cells} gaps and of intersectional training. The
   * service's default 30 counts rows, not positives: on Adult a 30-row cell can hold one or two positives, whose TPR
   * then decides the worst-cell gap alone.
   */
  public static final int MIN_SUPPORT = 100;

  private Metrics() {}

  public static CandidateTable of(int[] predictions, FairProblem test) {
    return CandidateEvaluator.evaluate(predictions, test, FairnessObjective.EO, true, MIN_SUPPORT);
  }
}
