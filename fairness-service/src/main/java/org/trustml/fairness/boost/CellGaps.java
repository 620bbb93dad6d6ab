package org.trustml.fairness.boost;

/**
 * Intersectional gaps (design note §7): for every cell with at least {@code minSupport} rows,
 * gap_c = overall rate − cell rate for TPR, TNR and PPR, so a positive gap marks a disadvantaged cell. A rate counts
 * only when its own denominator has the support too (positives for TPR, negatives for TNR): cells below the support,
 * and rates measured on fewer rows than that, get gap 0 and so never drive costs or violations.
 *
 * @param supported per cell: whether it has the minimum support
 * @param tpr per cell TPR gap
 * @param tnr per cell TNR gap
 * @param ppr per cell PPR gap
 */
public record CellGaps(boolean[] supported, double[] tpr, double[] tnr, double[] ppr) {

  /** Gaps of {@code predictions} over the cells ({@code cells[i]} in 0 … cellCount − 1). */
  public static CellGaps of(int[] cells, int cellCount, int minSupport, int[] labels, int[] predictions) {
    long[][] c = new long[cellCount][4]; // per cell: tp, fn, tn, fp
    long[] all = new long[4];
    for (int i = 0; i < labels.length; i++) {
      int k = labels[i] == 1 ? (predictions[i] == 1 ? 0 : 1) : (predictions[i] == 0 ? 2 : 3);
      c[cells[i]][k]++;
      all[k]++;
    }
    boolean[] supported = new boolean[cellCount];
    double[] tpr = new double[cellCount];
    double[] tnr = new double[cellCount];
    double[] ppr = new double[cellCount];
    double overallTpr = rate(all[0], all[0] + all[1]);
    double overallTnr = rate(all[2], all[2] + all[3]);
    double overallPpr = rate(all[0] + all[3], all[0] + all[1] + all[2] + all[3]);
    for (int k = 0; k < cellCount; k++) {
      long[] x = c[k];
      long size = x[0] + x[1] + x[2] + x[3];
      supported[k] = size >= minSupport && size > 0;
      if (!supported[k]) {
        continue;
      }
      long positives = x[0] + x[1];
      long negatives = x[2] + x[3];
      tpr[k] = positives >= minSupport && positives > 0 ? overallTpr - rate(x[0], positives) : 0;
      tnr[k] = negatives >= minSupport && negatives > 0 ? overallTnr - rate(x[2], negatives) : 0;
      ppr[k] = overallPpr - rate(x[0] + x[3], size);
    }
    return new CellGaps(supported, tpr, tnr, ppr);
  }

  private static double rate(long hits, long total) {
    return total > 0 ? (double) hits / total : 0;
  }

  /** The violation of {@code constraint} in cell {@code k}. */
  public double violation(int k, Constraint constraint) {
    return constraint.violation(tpr[k], tnr[k], ppr[k]);
  }

  /** The cell with the largest violation (−1 when none is supported). */
  public int worstCell(Constraint constraint) {
    int worst = -1;
    double max = -1;
    for (int k = 0; k < supported.length; k++) {
      if (supported[k] && violation(k, constraint) > max) {
        max = violation(k, constraint);
        worst = k;
      }
    }
    return worst;
  }

  /** max_c |gap_c| over supported cells; 0 when no cell is supported. */
  public double worstViolation(Constraint constraint) {
    int k = worstCell(constraint);
    return k < 0 ? 0 : violation(k, constraint);
  }
}
