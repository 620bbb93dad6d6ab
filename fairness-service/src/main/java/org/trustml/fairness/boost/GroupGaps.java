package org.trustml.fairness.boost;

/**
 * Rate gaps of hard predictions between the non-protected and the protected group of one binary view:
 * d = rate(non-protected) − rate(protected), rates with mmm-fair's 1e-10 guard, each gap clipped to [−1, 1].
 *
 * @param dTpr true-positive-rate gap
 * @param dTnr true-negative-rate gap
 * @param dPpr positive-prediction-rate gap
 */
public record GroupGaps(double dTpr, double dTnr, double dPpr) {

  private static final double GUARD = 1e-10;

  /** Gaps for one binary view ({@code nonProtected[i]} true = non-protected). */
  public static GroupGaps of(boolean[] nonProtected, int[] labels, int[] predictions) {
    // counts[group][label][prediction]
    long[][][] c = new long[2][2][2];
    for (int i = 0; i < labels.length; i++) {
      c[nonProtected[i] ? 1 : 0][labels[i]][predictions[i]]++;
    }
    double[] tpr = new double[2];
    double[] tnr = new double[2];
    double[] ppr = new double[2];
    for (int g = 0; g < 2; g++) {
      long tp = c[g][1][1];
      long fn = c[g][1][0];
      long tn = c[g][0][0];
      long fp = c[g][0][1];
      tpr[g] = tp / (tp + fn + GUARD);
      tnr[g] = tn / (tn + fp + GUARD);
      ppr[g] = (tp + fp) / (tp + fn + tn + fp + GUARD);
    }
    return new GroupGaps(clip(tpr[1] - tpr[0]), clip(tnr[1] - tnr[0]), clip(ppr[1] - ppr[0]));
  }

  static double clip(double d) {
    return Math.max(-1, Math.min(1, d));
  }

  /** The violation of {@code constraint} for these gaps. */
  public double violation(Constraint constraint) {
    return constraint.violation(dTpr, dTnr, dPpr);
  }
}
