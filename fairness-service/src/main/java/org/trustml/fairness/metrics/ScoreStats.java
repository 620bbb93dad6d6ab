package org.trustml.fairness.metrics;

import java.util.Arrays;

/**
 * Score summaries per group: the mean score and the ROC AUC (the Mann–Whitney probability that a positive row
 * scores above a negative one, ties counting one half, via average ranks). Computed only when scores were given.
 */
final class ScoreStats {

  record Summary(double mean, double auc) {}

  private ScoreStats() {}

  /** One summary per group of {@code grouping}, or {@code null} when there are no scores. */
  static Summary[] byGroup(Grouping grouping, Predictions p) {
    if (!p.hasScores()) {
      return null;
    }
    int groups = grouping.groupCount();
    int[] groupOf = grouping.groupOf();
    int[] sizes = new int[groups];
    for (int g : groupOf) {
      sizes[g]++;
    }
    int[][] rows = new int[groups][];
    for (int g = 0; g < groups; g++) {
      rows[g] = new int[sizes[g]];
    }
    int[] fill = new int[groups];
    for (int i = 0; i < groupOf.length; i++) {
      rows[groupOf[i]][fill[groupOf[i]]++] = i;
    }
    Summary[] out = new Summary[groups];
    for (int g = 0; g < groups; g++) {
      out[g] = summarize(rows[g], p);
    }
    return out;
  }

  /** The summary of all rows. */
  static Summary overall(Predictions p) {
    if (!p.hasScores()) {
      return null;
    }
    int[] all = new int[p.size()];
    Arrays.setAll(all, i -> i);
    return summarize(all, p);
  }

  private static Summary summarize(int[] rows, Predictions p) {
    if (rows.length == 0) {
      return new Summary(Double.NaN, Double.NaN);
    }
    double[] s = p.scoresArray();
    double sum = 0;
    for (int r : rows) {
      sum += s[r];
    }
    Integer[] order = new Integer[rows.length];
    for (int k = 0; k < rows.length; k++) {
      order[k] = rows[k];
    }
    Arrays.sort(order, (a, b) -> Double.compare(s[a], s[b]));
    long positives = 0;
    double positiveRankSum = 0;
    int k = 0;
    while (k < order.length) { // tied scores share their average rank
      int end = k;
      while (end + 1 < order.length && s[order[end + 1]] == s[order[k]]) {
        end++;
      }
      double rank = (k + end) / 2.0 + 1;
      for (int t = k; t <= end; t++) {
        if (p.yTrue(order[t]) == 1) {
          positives++;
          positiveRankSum += rank;
        }
      }
      k = end + 1;
    }
    long negatives = rows.length - positives;
    double auc = positives == 0 || negatives == 0 ? Double.NaN
        : (positiveRankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    return new Summary(sum / rows.length, auc);
  }
}
