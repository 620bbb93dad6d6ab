package org.trustml.fairness.pareto;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.trustml.fairness.boost.Ensemble;
import org.trustml.fairness.boost.StagedScores;
import org.trustml.fairness.data.FairProblem;

/**
 * The objectives of every prefix θ = 1 … T of an ensemble on one data set (the training set as mmm-fair does, or a
 * held-out selection set), as a {@link CandidateTable} with these columns:
 *
 * <ul>
 *   <li>{@code error}, {@code balancedError}, {@code imbalance} (|TPR − TNR|, MMM-Fair's class-imbalance objective);
 *   <li>per attribute a, on its binary view (non-protected vs protected, mmm-fair's guarded rates):
 *       {@code dp:a}, {@code ep:a}, {@code fpr:a}, {@code eo:a} (the larger of the TPR and TNR gaps);
 *   <li>{@code dp}, {@code ep}, {@code fpr}, {@code eo}: the worst attribute of each; {@code mmm} equals {@code eo};
 *   <li>{@code dp:cells} … {@code eo:cells}: the largest difference of a rate between intersectional cells whose
 *       denominator of that rate has at least {@code minSupport} rows: all rows for the selection rate, positives for
 *       TPR, negatives for FPR (Fairlearn's between-groups difference with the cell as the sensitive feature). A cell
 *       with 200 rows but 3 positives would otherwise decide the TPR spread on 3 people. Left out when fewer than two
 *       cells have {@code minSupport} rows;
 *   <li>{@code fairness}: the trained objective's column, {@code <objective>} or {@code <objective>:cells}.
 * </ul>
 *
 * <p>Scores are accumulated learner by learner ({@link StagedScores}), so all T prefixes cost one pass over the
 * trees.
 */
public final class CandidateEvaluator {

  private CandidateEvaluator() {}

  /**
   * @param objective the trained fairness objective, naming the {@code fairness} column
   * @param intersectional whether that column is the cells' gap rather than the worst attribute's
   */
  public static CandidateTable evaluate(Ensemble ensemble, FairProblem data, FairnessObjective objective,
      boolean intersectional, int minSupport) {
    CellSupport cellQualifies = CellSupport.of(data, minSupport);
    boolean withCells = count(cellQualifies.rows()) >= 2;
    List<String> columns = columns(data, withCells);
    double[][] values = new double[ensemble.trees().size()][];
    int[] predictions = new int[data.rows()];
    StagedScores.forEachStage(ensemble, data.features(), (t, scores) -> {
      for (int i = 0; i < scores.length; i++) {
        predictions[i] = scores[i] > 0 ? 1 : 0;
      }
      values[t] = row(data, predictions, cellQualifies, withCells, objective, intersectional);
    });
    return new CandidateTable(columns, values);
  }

  /** The same objectives for one vector of predictions (any classifier), as a one-row table. */
  public static CandidateTable evaluate(int[] predictions, FairProblem data, FairnessObjective objective,
      boolean intersectional, int minSupport) {
    CellSupport cellQualifies = CellSupport.of(data, minSupport);
    boolean withCells = count(cellQualifies.rows()) >= 2;
    return new CandidateTable(columns(data, withCells), new double[][] {
        row(data, predictions, cellQualifies, withCells, objective, intersectional)});
  }

  private static int count(boolean[] flags) {
    int c = 0;
    for (boolean f : flags) {
      c += f ? 1 : 0;
    }
    return c;
  }

  /** Per cell, whether each rate's denominator (rows, positives, negatives) reaches the minimum support. */
  private record CellSupport(boolean[] rows, boolean[] positives, boolean[] negatives) {

    static CellSupport of(FairProblem data, int minSupport) {
      int cellCount = data.cellNames().size();
      int[] rows = new int[cellCount];
      int[] positives = new int[cellCount];
      int[] y = data.labels();
      int[] cells = data.cells();
      for (int i = 0; i < y.length; i++) {
        rows[cells[i]]++;
        positives[cells[i]] += y[i];
      }
      CellSupport s = new CellSupport(new boolean[cellCount], new boolean[cellCount], new boolean[cellCount]);
      for (int c = 0; c < cellCount; c++) {
        s.rows[c] = rows[c] >= minSupport;
        s.positives[c] = positives[c] >= minSupport;
        s.negatives[c] = rows[c] - positives[c] >= minSupport;
      }
      return s;
    }
  }

  private static List<String> columns(FairProblem data, boolean withCells) {
    List<String> c = new ArrayList<>(List.of("error", "balancedError", "imbalance"));
    for (FairProblem.Attribute a : data.attributes()) {
      for (FairnessObjective o : FairnessObjective.values()) {
        c.add(o.prefix() + ":" + a.name());
      }
    }
    for (FairnessObjective o : FairnessObjective.values()) {
      c.add(o.prefix());
    }
    c.add("mmm");
    if (withCells) {
      for (FairnessObjective o : FairnessObjective.values()) {
        c.add(o.prefix() + ":cells");
      }
    }
    c.add("fairness");
    return c;
  }

  private static double[] row(FairProblem data, int[] predictions, CellSupport support, boolean withCells,
      FairnessObjective objective, boolean intersectional) {
    int k = data.attributes().size();
    int[] y = data.labels();
    GroupRates overall = new GroupRates();
    GroupRates[][] binary = new GroupRates[k][2];
    GroupRates[] cells = new GroupRates[data.cellNames().size()];
    for (int j = 0; j < k; j++) {
      binary[j][0] = new GroupRates();
      binary[j][1] = new GroupRates();
    }
    for (int c = 0; c < cells.length; c++) {
      cells[c] = new GroupRates();
    }
    for (int i = 0; i < y.length; i++) {
      int p = predictions[i];
      overall.add(y[i], p);
      for (int j = 0; j < k; j++) {
        binary[j][data.attributes().get(j).nonProtected()[i] ? 1 : 0].add(y[i], p);
      }
      cells[data.cells()[i]].add(y[i], p);
    }
    List<Double> v = new ArrayList<>();
    long n = overall.n();
    double tpr = overall.guardedTpr();
    double tnr = overall.guardedTnr();
    v.add(1 - (double) (overall.tp + overall.tn) / n);
    v.add(1 - (tpr + tnr) / 2);
    v.add(Math.abs(tpr - tnr));
    double[] worst = new double[4];
    for (GroupRates[] g : binary) {
      double dp = Math.abs(g[1].guardedSelectionRate() - g[0].guardedSelectionRate());
      double ep = Math.abs(g[1].guardedTpr() - g[0].guardedTpr());
      double fpr = Math.abs(g[1].guardedTnr() - g[0].guardedTnr());
      double[] gaps = {dp, ep, fpr, Math.max(ep, fpr)};
      for (int o = 0; o < 4; o++) {
        v.add(gaps[o]);
        worst[o] = Math.max(worst[o], gaps[o]);
      }
    }
    for (double w : worst) {
      v.add(w);
    }
    v.add(worst[FairnessObjective.EO.ordinal()]);
    double[] cellGaps = new double[4];
    if (withCells) {
      double dp = spread(cells, support.rows(), GroupRates::selectionRate);
      double ep = spread(cells, support.positives(), GroupRates::tpr);
      double fpr = spread(cells, support.negatives(), GroupRates::fpr);
      cellGaps = new double[] {dp, ep, fpr, Math.max(ep, fpr)};
      for (double g : cellGaps) {
        v.add(g);
      }
    }
    v.add(intersectional && withCells ? cellGaps[objective.ordinal()] : worst[objective.ordinal()]);
    return v.stream().mapToDouble(Double::doubleValue).toArray();
  }

  /** max − min of a rate over the cells whose denominator has the support; 0 when fewer than two do. */
  private static double spread(GroupRates[] cells, boolean[] qualifies,
      ToDoubleFunction<GroupRates> rate) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    int defined = 0;
    for (int c = 0; c < cells.length; c++) {
      double r = qualifies[c] ? rate.applyAsDouble(cells[c]) : Double.NaN;
      if (!Double.isNaN(r)) {
        lo = Math.min(lo, r);
        hi = Math.max(hi, r);
        defined++;
      }
    }
    return defined >= 2 ? hi - lo : 0;
  }
}
