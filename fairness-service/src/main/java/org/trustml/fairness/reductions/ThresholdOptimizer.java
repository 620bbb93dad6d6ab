package org.trustml.fairness.reductions;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.linear.LinearConstraint;
import org.apache.commons.math3.optim.linear.LinearConstraintSet;
import org.apache.commons.math3.optim.linear.LinearObjectiveFunction;
import org.apache.commons.math3.optim.linear.NonNegativeConstraint;
import org.apache.commons.math3.optim.linear.Relationship;
import org.apache.commons.math3.optim.linear.SimplexSolver;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;

/**
 * Post-processing for parity (Hardt, Price, Srebro 2016, "Equality of Opportunity in Supervised Learning"; the method
 * of Fairlearn's {@code ThresholdOptimizer}): per sensitive group a randomized threshold on a fixed classifier's
 * scores, chosen so that the expected decisions satisfy the parity exactly and the objective is maximal.
 *
 * <p>Each group's reachable (false positive, true positive) points form the convex hull of its threshold rules
 * ({@link RocHull}). Selection rate, TPR, FPR, accuracy and balanced accuracy are linear in that point, so the
 * optimum is one LP over mixtures of hull vertices with the groups' rates tied to common values. Fairlearn instead
 * scans a grid of common rates; the LP is exact.
 */
public final class ThresholdOptimizer {

  private static final double WEIGHT_DUST = 1e-12;

  private final ThresholdConstraint constraint;
  private final ThresholdObjective objective;

  public ThresholdOptimizer(ThresholdConstraint constraint, ThresholdObjective objective) {
    this.constraint = constraint;
    this.objective = objective;
  }

  /**
   * Fits the per-group rules.
   *
   * @param scores a classifier's score per row (higher = more likely positive)
   * @param sensitive group code per row
   * @param labels 0/1 per row
   */
  public ThresholdClassifier fit(double[] scores, int[] sensitive, int[] labels) {
    int n = labels.length;
    if (scores.length != n || sensitive.length != n || n == 0) {
      throw new IllegalArgumentException("scores, sensitive codes and labels must describe the same rows");
    }
    int positives = 0;
    for (int i = 0; i < n; i++) {
      if (labels[i] != 0 && labels[i] != 1) {
        throw new IllegalArgumentException("labels must be 0 or 1");
      }
      if (Double.isNaN(scores[i])) {
        throw new IllegalArgumentException("scores must not be NaN");
      }
      positives += labels[i];
    }
    int negatives = n - positives;
    TreeMap<Integer, List<Integer>> members = new TreeMap<>();
    for (int i = 0; i < n; i++) {
      members.computeIfAbsent(sensitive[i], k -> new ArrayList<>()).add(i);
    }
    List<Integer> codes = new ArrayList<>(members.keySet());
    List<RocHull> hulls = new ArrayList<>();
    for (int code : codes) {
      hulls.add(RocHull.of(scores, labels, members.get(code).stream().mapToInt(Integer::intValue).toArray()));
    }

    int[] offset = new int[hulls.size() + 1];
    for (int g = 0; g < hulls.size(); g++) {
      offset[g + 1] = offset[g] + hulls.get(g).size();
    }
    // common rates after the per-vertex weights: selection rate, TPR, FPR (unused ones stay unconstrained)
    int selection = offset[hulls.size()];
    int tpr = selection + 1;
    int fpr = selection + 2;
    int width = selection + 3;

    double[] gain = new double[width];
    List<LinearConstraint> constraints = new ArrayList<>();
    for (int g = 0; g < hulls.size(); g++) {
      RocHull h = hulls.get(g);
      double[] sum = new double[width];
      double[] sel = new double[width];
      double[] tp = new double[width];
      double[] fp = new double[width];
      for (int k = 0; k < h.size(); k++) {
        int v = offset[g] + k;
        sum[v] = 1;
        sel[v] = (h.truePositives()[k] + h.falsePositives()[k]) / h.rows();
        tp[v] = h.positives() > 0 ? h.truePositives()[k] / h.positives() : 0;
        fp[v] = h.negatives() > 0 ? h.falsePositives()[k] / h.negatives() : 0;
        double trueNegatives = h.negatives() - h.falsePositives()[k];
        gain[v] = objective == ThresholdObjective.ACCURACY
            ? (h.truePositives()[k] + trueNegatives) / n
            : 0.5 * (h.truePositives()[k] / Math.max(positives, 1) + trueNegatives / Math.max(negatives, 1));
      }
      constraints.add(new LinearConstraint(sum, Relationship.EQ, 1));
      // a rate a group cannot have (no positives, no negatives) is not tied to the others
      if (constraint.selectionRate) {
        sel[selection] = -1;
        constraints.add(new LinearConstraint(sel, Relationship.EQ, 0));
      }
      if (constraint.truePositiveRate && h.positives() > 0) {
        tp[tpr] = -1;
        constraints.add(new LinearConstraint(tp, Relationship.EQ, 0));
      }
      if (constraint.falsePositiveRate && h.negatives() > 0) {
        fp[fpr] = -1;
        constraints.add(new LinearConstraint(fp, Relationship.EQ, 0));
      }
    }
    PointValuePair solution = new SimplexSolver().optimize(new MaxIter(1_000_000),
        new LinearObjectiveFunction(gain, 0), new LinearConstraintSet(constraints), GoalType.MAXIMIZE,
        new NonNegativeConstraint(true));
    double[] x = solution.getPoint();

    Map<Integer, GroupThresholds> fitted = new HashMap<>();
    for (int g = 0; g < hulls.size(); g++) {
      RocHull h = hulls.get(g);
      List<GroupThresholds.Rule> rules = new ArrayList<>();
      for (int k = 0; k < h.size(); k++) {
        double w = x[offset[g] + k];
        if (w > WEIGHT_DUST) {
          rules.add(new GroupThresholds.Rule(h.thresholds()[k], w));
        }
      }
      rules.sort((a, b) -> Double.compare(b.threshold(), a.threshold()));
      fitted.put(codes.get(g), new GroupThresholds(codes.get(g), rules));
    }
    return new ThresholdClassifier(fitted);
  }
}
