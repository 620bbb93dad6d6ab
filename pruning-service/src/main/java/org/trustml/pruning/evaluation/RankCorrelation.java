package org.trustml.pruning.evaluation;

import java.util.Arrays;

/** Spearman's rank correlation: Pearson's correlation of the ranks, tied values sharing their mean rank. */
public final class RankCorrelation {

  private RankCorrelation() {}

  /**
   * @throws IllegalArgumentException for different lengths, fewer than two values, or a constant vector (no ranks
   *                                  to correlate)
   */
  public static double spearman(double[] a, double[] b) {
    if (a.length != b.length || a.length < 2) {
      throw new IllegalArgumentException("need two vectors of the same length ≥ 2, got " + a.length + " and "
          + b.length);
    }
    double[] ra = ranks(a);
    double[] rb = ranks(b);
    double mean = (a.length + 1) / 2.0;
    double sab = 0;
    double saa = 0;
    double sbb = 0;
    for (int i = 0; i < a.length; i++) {
      sab += (ra[i] - mean) * (rb[i] - mean);
      saa += (ra[i] - mean) * (ra[i] - mean);
      sbb += (rb[i] - mean) * (rb[i] - mean);
    }
    if (saa == 0 || sbb == 0) {
      throw new IllegalArgumentException("a constant vector has no rank correlation");
    }
    return sab / Math.sqrt(saa * sbb);
  }

  /** 1-based ranks, ascending; ties get the mean of the ranks they span. */
  static double[] ranks(double[] v) {
    Integer[] order = new Integer[v.length];
    for (int i = 0; i < v.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (x, y) -> Double.compare(v[x], v[y]));
    double[] rank = new double[v.length];
    int i = 0;
    while (i < v.length) {
      int j = i;
      while (j + 1 < v.length && v[order[j + 1]] == v[order[i]]) {
        j++;
      }
      double shared = (i + j) / 2.0 + 1;
      for (int k = i; k <= j; k++) {
        rank[order[k]] = shared;
      }
      i = j + 1;
    }
    return rank;
  }
}
