package org.trustml.fairness.boost;

/**
 * The per-row cost multipliers of MMM-Fair's weight update (design note §3, §7), recomputed from scratch every
 * round: every cost starts at 1 and the disadvantaged side of each gap gets 1 + |gap|.
 *
 * <ul>
 *   <li>EO, EP, TPR, FPR: a positive row's cost comes from the TPR gap (c⁺), a negative row's from the TNR gap (c⁻).
 *   <li>DP: c from the PPR gap; a positive row costs c, a negative row 1/c (it is only applied to rows predicted 0).
 * </ul>
 * By attribute, a row's cost is the maximum over attributes of its group's cost; intersectionally it is its cell's
 * cost (cells below the minimum support cost 1).
 */
final class FairnessCosts {

  private FairnessCosts() { }

  /** Costs from the attributes' binary views ({@code groups[j][i]} true = non-protected). */
  static double[] byAttribute(Constraint constraint, GroupGaps[] gaps, boolean[][] groups, int[] labels) {
    int n = labels.length;
    double[] cost = new double[n];
    java.util.Arrays.fill(cost, Double.NEGATIVE_INFINITY);
    for (int j = 0; j < gaps.length; j++) {
      double[] positive = sideCosts(gaps[j].dTpr());
      double[] negative = sideCosts(gaps[j].dTnr());
      double[] parity = sideCosts(gaps[j].dPpr());
      boolean[] np = groups[j];
      for (int i = 0; i < n; i++) {
        int g = np[i] ? 1 : 0;
        double c = rowCost(constraint, labels[i], positive[g], negative[g], parity[g]);
        if (c > cost[i]) {
          cost[i] = c;
        }
      }
    }
    return cost;
  }

  /** Costs from intersectional cells: gap_c = overall − cell rate, positive = disadvantaged. */
  static double[] byCell(Constraint constraint, CellGaps gaps, int[] cells, int[] labels) {
    double[] cost = new double[labels.length];
    for (int i = 0; i < cost.length; i++) {
      int k = cells[i];
      cost[i] = rowCost(constraint, labels[i], 1 + Math.max(0, gaps.tpr()[k]), 1 + Math.max(0, gaps.tnr()[k]),
          1 + Math.max(0, gaps.ppr()[k]));
    }
    return cost;
  }

  /**
   * [protected cost, non-protected cost] for a gap d = non-protected − protected rate: the group with the lower
   * rate is disadvantaged.
   */
  private static double[] sideCosts(double d) {
    double raised = 1 + Math.abs(d);
    return d > 0 ? new double[] {raised, 1} : d < 0 ? new double[] {1, raised} : new double[] {1, 1};
  }

  private static double rowCost(Constraint constraint, int label, double positive, double negative, double parity) {
    if (constraint == Constraint.DP) {
      return label == 1 ? parity : 1 / parity;
    }
    return label == 1 ? positive : negative;
  }
}
