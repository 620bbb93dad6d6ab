package org.trustml.pruning.manifold;

/**
 * The k nearest neighbours of every point, self excluded, each row sorted by increasing distance (ties by index).
 * Stored flat: neighbour {@code r} of point {@code i} is {@code neighbor(i, r)}.
 */
public final class KnnGraph {

  private final int size;
  private final int k;
  private final int[] neighbors;
  private final double[] distances;

  /**
   * @param neighbors n×k, row-major (not copied; the caller hands it over)
   * @param distances n×k, row-major, each row ascending (not copied)
   */
  KnnGraph(int size, int k, int[] neighbors, double[] distances) {
    if (neighbors.length != size * k || distances.length != size * k) {
      throw new IllegalArgumentException("expected " + size + "×" + k + " entries, got " + neighbors.length + " and "
          + distances.length);
    }
    this.size = size;
    this.k = k;
    this.neighbors = neighbors;
    this.distances = distances;
  }

  /** Number of points n. */
  public int size() {
    return size;
  }

  /** Neighbours per point. */
  public int k() {
    return k;
  }

  /** The r-th nearest neighbour of point i (r = 0 is the nearest other point). */
  public int neighbor(int i, int r) {
    return neighbors[i * k + r];
  }

  /** Distance from point i to its r-th nearest neighbour. */
  public double distance(int i, int r) {
    return distances[i * k + r];
  }

  /** Whether j is among the k neighbours of i. */
  public boolean contains(int i, int j) {
    for (int r = 0; r < k; r++) {
      if (neighbors[i * k + r] == j) {
        return true;
      }
    }
    return false;
  }

  /** Fraction of this graph's (i, j) entries that {@code exact} also has: NN-descent's recall against brute force. */
  public double recallAgainst(KnnGraph exact) {
    if (exact.size != size || exact.k != k) {
      throw new IllegalArgumentException("graphs differ in shape: " + size + "×" + k + " vs " + exact.size + "×"
          + exact.k);
    }
    long hits = 0;
    for (int i = 0; i < size; i++) {
      for (int r = 0; r < k; r++) {
        if (exact.contains(i, neighbor(i, r))) {
          hits++;
        }
      }
    }
    return hits / (double) ((long) size * k);
  }

  /** Checks that a point set can have k neighbours. */
  static void checkShape(double[] points, int dimension, int k) {
    if (dimension < 1 || points.length % dimension != 0) {
      throw new IllegalArgumentException("points length " + points.length + " is not a multiple of dimension "
          + dimension);
    }
    int n = points.length / dimension;
    if (k < 1 || k >= n) {
      throw new IllegalArgumentException("k must be in [1, n−1] = [1, " + (n - 1) + "], got " + k);
    }
  }
}
