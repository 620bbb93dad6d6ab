package org.trustml.fairness.boost;

import java.util.ArrayList;
import java.util.List;
import org.trustml.fairness.data.FairProblem;

/**
 * Evaluates the hard predictions of one ensemble prefix on a {@link FairProblem} and accumulates the rows of a
 * {@link BoostingTrace}. Group membership always comes from the problem's protected attributes, never from
 * feature columns.
 */
public final class StageEvaluator {

  /** Which class-imbalance objective the second column of ob_t holds. */
  public enum ImbalanceObjective {
    /** |TPR − TNR| of the ensemble (AdaBoost variant). */
    TPR_TNR_GAP,
    /** 1 − balanced accuracy (GBT variant). */
    ONE_MINUS_BALANCED_ACCURACY
  }

  /** The latest evaluation: gaps per attribute and per cell, for costs. */
  public record Stage(GroupGaps[] attributeGaps, CellGaps cellGaps, double[] attributeViolations) { }

  private final FairProblem problem;
  private final boolean[][] groups;
  private final Constraint constraint;
  private final ImbalanceObjective imbalance;
  private final int minSupport;
  private final List<double[]> objectives = new ArrayList<>();
  private final List<double[]> violations = new ArrayList<>();
  private final List<double[]> definitions = new ArrayList<>();
  private final List<Double> cells = new ArrayList<>();

  public StageEvaluator(FairProblem problem, Constraint constraint, ImbalanceObjective imbalance, int minSupport) {
    this.problem = problem;
    this.groups = problem.nonProtectedMatrix();
    this.constraint = constraint;
    this.imbalance = imbalance;
    this.minSupport = minSupport;
  }

  /** Evaluates {@code predictions} (one 0/1 per row), appends a trace row and returns the gaps. */
  public Stage record(int[] predictions) {
    int[] y = problem.labels();
    long tp = 0;
    long fn = 0;
    long tn = 0;
    long fp = 0;
    for (int i = 0; i < y.length; i++) {
      if (y[i] == 1) {
        if (predictions[i] == 1) {
          tp++;
        } else {
          fn++;
        }
      } else if (predictions[i] == 0) {
        tn++;
      } else {
        fp++;
      }
    }
    double n = y.length;
    double tpr = tp + fn > 0 ? tp / (double) (tp + fn) : 0;
    double tnr = tn + fp > 0 ? tn / (double) (tn + fp) : 0;
    GroupGaps[] gaps = new GroupGaps[groups.length];
    double[] f = new double[groups.length];
    double[] defs = new double[BoostingTrace.DEFINITIONS.size()];
    double maxF = 0;
    for (int j = 0; j < groups.length; j++) {
      gaps[j] = GroupGaps.of(groups[j], y, predictions);
      f[j] = gaps[j].violation(constraint);
      maxF = Math.max(maxF, f[j]);
      for (int d = 0; d < defs.length; d++) {
        defs[d] = Math.max(defs[d], gaps[j].violation(BoostingTrace.DEFINITIONS.get(d)));
      }
    }
    CellGaps cellGaps = CellGaps.of(problem.cells(), problem.cellNames().size(), minSupport, y, predictions);
    double second = imbalance == ImbalanceObjective.TPR_TNR_GAP ? Math.abs(tpr - tnr) : 1 - (tpr + tnr) / 2;
    objectives.add(new double[] {1 - (tp + tn) / n, second, maxF});
    violations.add(f);
    definitions.add(defs);
    cells.add(cellGaps.worstViolation(constraint));
    return new Stage(gaps, cellGaps, f);
  }

  /** The rows recorded so far as a trace. */
  public BoostingTrace trace() {
    List<String> objectiveNames = List.of("error",
        imbalance == ImbalanceObjective.TPR_TNR_GAP ? "|TPR-TNR|" : "1-balancedAccuracy", "maxViolation");
    List<String> attributeNames = problem.attributes().stream().map(FairProblem.Attribute::name).toList();
    List<String> definitionNames = BoostingTrace.DEFINITIONS.stream().map(Enum::name).toList();
    double[] worst = new double[cells.size()];
    for (int t = 0; t < worst.length; t++) {
      worst[t] = cells.get(t);
    }
    return new BoostingTrace(objectiveNames, objectives.toArray(double[][]::new), attributeNames,
        violations.toArray(double[][]::new), definitionNames, definitions.toArray(double[][]::new), worst);
  }
}
