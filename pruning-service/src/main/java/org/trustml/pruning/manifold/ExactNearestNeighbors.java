package org.trustml.pruning.manifold;

/**
 * Brute-force k nearest neighbours: all n(n−1)/2 distances, O(n²·D) time, O(n·k) memory. Exact, so it is the
 * oracle for {@link NearestNeighborDescent} and the method of choice for small n (the note: brute force up to 50k
 * points per class).
 */
public final class ExactNearestNeighbors {

  private ExactNearestNeighbors() {}

  /**
   * @param points row-major, {@code dimension} values per row (not modified)
   * @param k      neighbours per point, 1 ≤ k < n
   */
  public static KnnGraph compute(double[] points, int dimension, int k, Metric metric) {
    KnnGraph.checkShape(points, dimension, k);
    int n = points.length / dimension;
    NeighborHeap heap = new NeighborHeap(n, k);
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        double d = metric.distance(points, dimension, i, j);
        heap.push(i, j, d);
        heap.push(j, i, d);
      }
    }
    return heap.toGraph();
  }
}
