package org.trustml.bench.fairness;

import org.trustml.fairness.pareto.CandidateTable;

/**
 * One method's result on one test set.
 *
 * @param method the method's name in the tables
 * @param metrics the one-row table {@link Metrics#of} measured on the test predictions
 * @param theta the learners used (boosting), else null
 * @param trainSeconds wall time of fitting (selection of θ included for boosting)
 */
public record Outcome(String method, CandidateTable metrics, Integer theta, double trainSeconds) {

  public double value(String column) {
    return metrics.columns().contains(column) ? metrics.value(0, column) : Double.NaN;
  }
}
