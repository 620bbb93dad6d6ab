package org.trustml.bench.fairness;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.trustml.fairness.pareto.Hypervolume;

/**
 * Two-objective fronts (balanced error, worst intersectional EO gap; both minimised) and the comparisons the Reach
 * section states: a point dominates another when it is no worse in both objectives and better in one.
 */
public final class Fronts {

  /** Hypervolume's reference point: the worst value either objective can take. */
  public static final double[] REFERENCE = {1, 1};

  private Fronts() {}

  /** The non-dominated points, sorted by the first objective. */
  public static double[][] front(double[][] points) {
    List<double[]> out = new ArrayList<>();
    for (double[] p : points) {
      boolean dominated = false;
      for (double[] q : points) {
        if (dominates(q, p)) {
          dominated = true;
          break;
        }
      }
      if (!dominated && out.stream().noneMatch(o -> Arrays.equals(o, p))) {
        out.add(p);
      }
    }
    out.sort(Comparator.comparingDouble((double[] p) -> p[0]).thenComparingDouble(p -> p[1]));
    return out.toArray(double[][]::new);
  }

  public static boolean dominates(double[] a, double[] b) {
    return a[0] <= b[0] && a[1] <= b[1] && (a[0] < b[0] || a[1] < b[1]);
  }

  /** The share of {@code front}'s points that some point of {@code other} dominates. */
  public static double dominatedShare(double[][] front, double[][] other) {
    int dominated = 0;
    for (double[] p : front) {
      for (double[] q : other) {
        if (dominates(q, p)) {
          dominated++;
          break;
        }
      }
    }
    return front.length == 0 ? Double.NaN : (double) dominated / front.length;
  }

  public static double hypervolume(double[][] points) {
    return Hypervolume.of(points, REFERENCE);
  }
}
