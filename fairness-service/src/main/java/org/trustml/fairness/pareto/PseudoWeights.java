package org.trustml.fairness.pareto;

import java.util.Arrays;

/**
 * pymoo's pseudo-weights of points on a front: how much each point leans towards each objective, from the distance to
 * the worst value (nadir) relative to the range (ideal to nadir), each row normalised to sum 1. An objective whose
 * range is zero gets weight 0: it does not tell the points apart.
 */
public final class PseudoWeights {

  private PseudoWeights() {}

  public static double[][] of(double[][] f) {
    int m = f.length == 0 ? 0 : f[0].length;
    double[] ideal = new double[m];
    double[] nadir = new double[m];
    Arrays.fill(ideal, Double.POSITIVE_INFINITY);
    Arrays.fill(nadir, Double.NEGATIVE_INFINITY);
    for (double[] row : f) {
      for (int j = 0; j < m; j++) {
        ideal[j] = Math.min(ideal[j], row[j]);
        nadir[j] = Math.max(nadir[j], row[j]);
      }
    }
    double[][] w = new double[f.length][m];
    for (int i = 0; i < f.length; i++) {
      double sum = 0;
      for (int j = 0; j < m; j++) {
        double range = nadir[j] - ideal[j];
        w[i][j] = range > 0 ? (nadir[j] - f[i][j]) / range : 0;
        sum += w[i][j];
      }
      for (int j = 0; j < m && sum > 0; j++) {
        w[i][j] /= sum;
      }
    }
    return w;
  }
}
