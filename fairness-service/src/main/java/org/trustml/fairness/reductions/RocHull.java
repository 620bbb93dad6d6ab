package org.trustml.fairness.reductions;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * One group's threshold rules "score ≥ t" as points (false positives, true positives), reduced to the vertices of
 * their convex hull: every randomized threshold rule reaches a point of that hull, and every quantity the threshold
 * optimizer uses is linear in the point, so the vertices suffice (Hardt et al. 2016, §4).
 *
 * @param thresholds per vertex, the rule's threshold (+∞ = select nobody)
 * @param truePositives per vertex
 * @param falsePositives per vertex
 * @param positives the group's positive rows
 * @param negatives the group's negative rows
 */
record RocHull(double[] thresholds, double[] truePositives, double[] falsePositives, int positives, int negatives) {

  int size() {
    return thresholds.length;
  }

  int rows() {
    return positives + negatives;
  }

  /** The hull of the rules over the given rows. */
  static RocHull of(double[] scores, int[] labels, int[] rows) {
    Integer[] order = Arrays.stream(rows).boxed().toArray(Integer[]::new);
    Arrays.sort(order, Comparator.comparingDouble((Integer i) -> scores[i]).reversed());
    int positives = 0;
    for (int i : rows) {
      positives += labels[i];
    }
    int negatives = rows.length - positives;
    // the chain of rules from "select nobody" to "select everybody", non-decreasing in both coordinates
    List<double[]> chain = new ArrayList<>();
    chain.add(new double[] {Double.POSITIVE_INFINITY, 0, 0});
    int tp = 0;
    int fp = 0;
    for (int k = 0; k < order.length; k++) {
      int i = order[k];
      tp += labels[i];
      fp += 1 - labels[i];
      if (k + 1 == order.length || scores[order[k + 1]] != scores[i]) {
        chain.add(new double[] {scores[i], tp, fp});
      }
    }
    List<double[]> lower = halfHull(chain, 1);
    List<double[]> upper = halfHull(chain, -1);
    List<double[]> vertices = new ArrayList<>(upper);
    for (int k = lower.size() - 2; k >= 1; k--) {
      vertices.add(lower.get(k));
    }
    int m = vertices.size();
    double[] t = new double[m];
    double[] tps = new double[m];
    double[] fps = new double[m];
    for (int k = 0; k < m; k++) {
      t[k] = vertices.get(k)[0];
      tps[k] = vertices.get(k)[1];
      fps[k] = vertices.get(k)[2];
    }
    return new RocHull(t, tps, fps, positives, negatives);
  }

  /**
   * Andrew's monotone chain over points sorted by (fp, tp): {@code side} 1 keeps the chain below (right turns
   * removed), −1 the chain above. Collinear points are dropped.
   */
  private static List<double[]> halfHull(List<double[]> chain, int side) {
    List<double[]> hull = new ArrayList<>();
    for (double[] p : chain) {
      while (hull.size() >= 2 && side * cross(hull.get(hull.size() - 2), hull.get(hull.size() - 1), p) <= 0) {
        hull.remove(hull.size() - 1);
      }
      hull.add(p);
    }
    return hull;
  }

  /** Cross product of (a→b) × (a→c) in the (fp, tp) plane. */
  private static double cross(double[] a, double[] b, double[] c) {
    return (b[2] - a[2]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[2] - a[2]);
  }
}
