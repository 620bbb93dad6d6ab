package org.trustml.fairness.multitask;

import java.util.ArrayList;
import java.util.List;

/**
 * FairBranch's grouping rule (design note §8, the paper's rule rather than the reference code's): start from
 * singletons, repeatedly merge the two clusters with the highest single-linkage affinity (the largest affinity
 * between any member of one and any member of the other) while it is at least τ; what is never merged stays alone.
 */
public final class BranchGrouping {

  private BranchGrouping() {}

  /**
   * Clusters of the indices {@code 0..n-1}, each sorted ascending, ordered by their smallest member.
   *
   * @param affinity symmetric {@code n × n}; the diagonal is ignored
   * @param tau the least affinity that merges two clusters
   */
  public static List<List<Integer>> cluster(double[][] affinity, double tau) {
    int n = affinity.length;
    List<List<Integer>> clusters = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (affinity[i].length != n) {
        throw new IllegalArgumentException("the affinity matrix must be square");
      }
      clusters.add(new ArrayList<>(List.of(i)));
    }
    while (clusters.size() > 1) {
      int bestA = -1;
      int bestB = -1;
      double best = Double.NEGATIVE_INFINITY;
      for (int a = 0; a < clusters.size(); a++) {
        for (int b = a + 1; b < clusters.size(); b++) {
          double link = linkage(affinity, clusters.get(a), clusters.get(b));
          if (link > best) {
            best = link;
            bestA = a;
            bestB = b;
          }
        }
      }
      if (!(best >= tau)) {
        break;
      }
      clusters.get(bestA).addAll(clusters.remove(bestB));
      clusters.get(bestA).sort(null);
    }
    return clusters;
  }

  private static double linkage(double[][] affinity, List<Integer> a, List<Integer> b) {
    double max = Double.NEGATIVE_INFINITY;
    for (int i : a) {
      for (int j : b) {
        max = Math.max(max, affinity[i][j]);
      }
    }
    return max;
  }
}
