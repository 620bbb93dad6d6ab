package org.trustml.pruning.diagnostics;

import java.util.SplittableRandom;

/**
 * A max-min (farthest-point) sample of a point set: a seeded first point, then repeatedly the point farthest from
 * the landmarks chosen so far (the smallest index among equals), so that Vietoris–Rips H1 of a large class stays
 * cheap. The covering radius r — the largest distance of any point to its nearest landmark, the Hausdorff distance
 * between the landmarks and the set — bounds what the sample loses: the correspondence x ↦ nearest landmark has
 * distortion ≤ 2r, so the Gromov–Hausdorff distance is ≤ r, and the Rips diagrams (edge-length filtration, as
 * Ripser and {@code topology} compute them) are within bottleneck distance 2r (Chazal, de Silva, Oudot 2014).
 *
 * @param indices        the landmarks' indices into the set, in the order chosen
 * @param insertionRadii distance of each landmark to the earlier ones when chosen (+∞ for the first); non-increasing
 * @param coveringRadius max over the points of the distance to the nearest landmark; 0 when every point is one
 */
public record Landmarks(int[] indices, double[] insertionRadii, double coveringRadius) {

  /** Number of landmarks. */
  public int size() {
    return indices.length;
  }

  /** The bound 2r on the bottleneck distance between the landmarks' diagram and the full set's. */
  public double bottleneckBound() {
    return 2 * coveringRadius;
  }

  /**
   * @param points    n×dimension row-major (not modified), n ≥ 1
   * @param maxPoints at most this many landmarks (all n points when n ≤ maxPoints), ≥ 1
   * @param seed      chooses the first landmark
   */
  public static Landmarks maxMin(double[] points, int dimension, int maxPoints, long seed) {
    int n = points.length / dimension;
    if (n < 1 || maxPoints < 1) {
      throw new IllegalArgumentException("max-min sampling needs n ≥ 1 and maxPoints ≥ 1, got n = " + n
          + ", maxPoints = " + maxPoints);
    }
    int m = Math.min(n, maxPoints);
    int[] chosen = new int[m];
    double[] radii = new double[m];
    // distance of every point to its nearest landmark so far: O(n) memory, O(n·m·D) time
    double[] nearest = new double[n];
    java.util.Arrays.fill(nearest, Double.POSITIVE_INFINITY);
    int next = new SplittableRandom(seed).nextInt(n);
    radii[0] = Double.POSITIVE_INFINITY;
    for (int k = 0; k < m; k++) {
      chosen[k] = next;
      int o = next * dimension;
      int farthest = -1;
      double far = -1;
      for (int i = 0; i < n; i++) {
        double s = 0;
        int p = i * dimension;
        for (int c = 0; c < dimension; c++) {
          double d = points[p + c] - points[o + c];
          s += d * d;
        }
        double dist = Math.sqrt(s);
        if (dist < nearest[i]) {
          nearest[i] = dist;
        }
        if (nearest[i] > far) {
          far = nearest[i];
          farthest = i;
        }
      }
      if (k + 1 < m) {
        next = farthest;
        radii[k + 1] = far;
      }
    }
    double covering = 0;
    for (double d : nearest) {
      covering = Math.max(covering, d);
    }
    return new Landmarks(chosen, radii, covering);
  }
}
