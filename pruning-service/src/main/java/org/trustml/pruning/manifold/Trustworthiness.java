package org.trustml.pruning.manifold;

import java.util.Arrays;

/**
 * Trustworthiness of an embedding (Venna and Kaski 2001; scikit-learn's {@code sklearn.manifold.trustworthiness}):
 * T(k) = 1 − 2/(n·k·(2n − 3k − 1)) · Σ_i Σ_{j ∈ U_i} (r(i, j) − k), where U_i are the k nearest neighbours of i in
 * the embedding that are not among its k nearest in the input and r(i, j) is j's rank (1 = nearest) by input
 * distance. 1 means every embedded neighbourhood is a true one. O(n²) memory-free passes, O(n² log n) time; for
 * evaluation sets of a few thousand points. Euclidean distances on both sides; ties ranked by index (stable order).
 */
public final class Trustworthiness {

  private Trustworthiness() {}

  /**
   * @param input    n×inputDimension row-major (not modified)
   * @param embedded n×dimension row-major (not modified)
   * @param k        neighbourhood size, k < n/2
   */
  public static double of(double[] input, int inputDimension, double[] embedded, int dimension, int k) {
    int n = input.length / inputDimension;
    if (embedded.length != n * dimension) {
      throw new IllegalArgumentException("input has " + n + " points, embedding " + embedded.length / dimension);
    }
    if (k < 1 || k >= n / 2.0) {
      throw new IllegalArgumentException("k must be in [1, n/2), got " + k + " for n = " + n);
    }
    KnnGraph embeddedNeighbors = ExactNearestNeighbors.compute(embedded, dimension, k, Metric.EUCLIDEAN);
    int[] rank = new int[n];
    Integer[] order = new Integer[n];
    double[] distance = new double[n];
    double penalty = 0;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        order[j] = j;
        distance[j] = j == i ? Double.POSITIVE_INFINITY : Metric.EUCLIDEAN.distance(input, inputDimension, i, j);
      }
      Arrays.sort(order, (x, y) -> Double.compare(distance[x], distance[y]));
      for (int r = 0; r < n; r++) {
        rank[order[r]] = r + 1;
      }
      for (int r = 0; r < k; r++) {
        int excess = rank[embeddedNeighbors.neighbor(i, r)] - k;
        if (excess > 0) {
          penalty += excess;
        }
      }
    }
    return 1 - penalty * 2.0 / (n * (double) k * (2.0 * n - 3.0 * k - 1.0));
  }
}
