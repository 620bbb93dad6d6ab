package org.trustml.fairness.pareto;

import java.util.Arrays;
import java.util.Comparator;

/**
 * The volume of objective space that a set of points dominates up to a reference point (all objectives minimised):
 * one number that grows as a front gets better in any direction. Computed exactly by slicing along the last
 * objective and recursing (fine for the few objectives and hundreds of points a boosting front has).
 */
public final class Hypervolume {

  private Hypervolume() {}

  /** Points not strictly below the reference in every objective contribute nothing. */
  public static double of(double[][] points, double[] reference) {
    double[][] inside = Arrays.stream(points).filter(p -> below(p, reference)).toArray(double[][]::new);
    return volume(inside, reference, reference.length);
  }

  private static double volume(double[][] pts, double[] ref, int dims) {
    if (pts.length == 0) {
      return 0;
    }
    if (dims == 1) {
      double best = ref[0];
      for (double[] p : pts) {
        best = Math.min(best, p[0]);
      }
      return ref[0] - best;
    }
    int last = dims - 1;
    double[][] sorted = pts.clone();
    Arrays.sort(sorted, Comparator.comparingDouble(p -> p[last]));
    double total = 0;
    for (int i = 0; i < sorted.length; i++) {
      double upper = i + 1 < sorted.length ? sorted[i + 1][last] : ref[last];
      double depth = upper - sorted[i][last];
      if (depth > 0) {
        // the slice between this value and the next is dominated by the first i+1 points' projections
        total += depth * volume(Arrays.copyOf(sorted, i + 1), ref, last);
      }
    }
    return total;
  }

  private static boolean below(double[] p, double[] ref) {
    for (int j = 0; j < ref.length; j++) {
      if (!(p[j] < ref[j])) {
        return false;
      }
    }
    return true;
  }
}
