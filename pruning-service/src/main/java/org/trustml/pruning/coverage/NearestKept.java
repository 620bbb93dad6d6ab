package org.trustml.pruning.coverage;

import java.util.stream.IntStream;

/** Euclidean distances from samples to their nearest sample in a set, by brute force, in parallel over samples. */
final class NearestKept {

  private NearestKept() {}

  /**
   * For each of {@code from} (row indexes into {@code points}) the distance to the nearest of {@code to}, skipping
   * the sample itself when {@code excludeSelf}; {@code +∞} where there is none.
   */
  static double[] distances(double[] points, int dimension, int[] from, int[] to, boolean excludeSelf) {
    double[] out = new double[from.length];
    IntStream.range(0, from.length).parallel().forEach(a -> {
      int i = from[a];
      double best = Double.POSITIVE_INFINITY;
      for (int j : to) {
        if (excludeSelf && j == i) {
          continue;
        }
        double sum = 0;
        int oi = i * dimension;
        int oj = j * dimension;
        for (int k = 0; k < dimension && sum < best; k++) {
          double t = points[oi + k] - points[oj + k];
          sum += t * t;
        }
        if (sum < best) {
          best = sum;
        }
      }
      out[a] = Math.sqrt(best);
    });
    return out;
  }
}
