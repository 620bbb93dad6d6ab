package org.trustml.fairness.job;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.trustml.fairness.data.FairProblem;
import org.trustml.fairness.pareto.CandidateTable;
import org.trustml.fairness.pareto.FairnessObjective;

/**
 * What {@code fairness.baselines} writes as {@code baselines.json}: the split, the settings with defaults filled in,
 * and every method's test metrics (the columns of {@code CandidateEvaluator}, as the benchmark measures them).
 *
 * @param dataset the training table's catalog id
 * @param testDataset the test table's id, or null when a part of {@code dataset} was held out
 * @param testFraction the held-out share, or null with a test table
 * @param trainRows rows fitted on
 * @param testRows rows measured on
 * @param droppedRows rows the missing-value policy left out of the training table
 * @param groups {@code cells} or the protected column whose values the methods protect
 * @param groupNames the protected groups, by training code
 * @param seed the job's seed: the split and every randomized decision
 * @param parameters the method settings, defaults filled in
 * @param methods one entry per method, in the order run
 */
public record BaselinesReport(String dataset, String testDataset, Double testFraction, int trainRows, int testRows,
    long droppedRows, String groups, List<String> groupNames, long seed, Map<String, Object> parameters,
    List<MethodResult> methods) {

  /**
   * One method on the test rows.
   *
   * @param method the method's id
   * @param randomized whether its decisions were drawn (seeded)
   * @param accuracy 1 − error
   * @param balancedAccuracy (TPR + TNR) / 2, mmm-fair's guarded rates
   * @param attributes per protected attribute, its binary view's gaps: {@code dp}, {@code ep}, {@code fpr},
   *     {@code eo}
   * @param cells the largest differences between intersectional cells with at least {@code minSupport} rows, or
   *     null when fewer than two cells qualify
   * @param worst the worst attribute's gap per definition and {@code mmm}
   * @param metrics every column of the evaluator's table by name
   * @param trainSeconds wall time of fitting
   * @param details the method's diagnostics
   */
  public record MethodResult(String method, boolean randomized, double accuracy, double balancedAccuracy,
      Map<String, Map<String, Double>> attributes, Map<String, Double> cells, Map<String, Double> worst,
      Map<String, Double> metrics, double trainSeconds, Map<String, Object> details) {

    /** Reads the one-row table of a method's test predictions. */
    static MethodResult of(String method, boolean randomized, CandidateTable table, FairProblem test,
        double trainSeconds, Map<String, Object> details) {
      Map<String, Double> metrics = new LinkedHashMap<>();
      for (String c : table.columns()) {
        metrics.put(c, table.value(0, c));
      }
      Map<String, Map<String, Double>> attributes = new LinkedHashMap<>();
      for (FairProblem.Attribute a : test.attributes()) {
        attributes.put(a.name(), gaps(metrics, ":" + a.name()));
      }
      Map<String, Double> cells = metrics.containsKey("eo:cells") ? gaps(metrics, ":cells") : null;
      Map<String, Double> worst = gaps(metrics, "");
      worst.put("mmm", metrics.get("mmm"));
      return new MethodResult(method, randomized, 1 - metrics.get("error"), 1 - metrics.get("balancedError"),
          attributes, cells, worst, metrics, trainSeconds, details);
    }

    private static Map<String, Double> gaps(Map<String, Double> metrics, String suffix) {
      Map<String, Double> out = new LinkedHashMap<>();
      for (FairnessObjective o : FairnessObjective.values()) {
        out.put(o.prefix(), metrics.get(o.prefix() + suffix));
      }
      return out;
    }
  }
}
