package org.trustml.pruning.manifold;

/**
 * For every point, a bounded max-heap of its k best candidate neighbours with a "new" flag per entry (NN-descent's
 * working set; HNSW's layer search uses one row as its bounded result list W). Ties are broken by index so that the
 * result does not depend on insertion order.
 */
final class NeighborHeap {

  private final int k;
  private final int[] indices;
  private final double[] distances;
  private final boolean[] isNew;

  NeighborHeap(int n, int k) {
    this.k = k;
    this.indices = new int[n * k];
    this.distances = new double[n * k];
    this.isNew = new boolean[n * k];
    java.util.Arrays.fill(indices, -1);
    java.util.Arrays.fill(distances, Double.POSITIVE_INFINITY);
  }

  int k() {
    return k;
  }

  int index(int i, int r) {
    return indices[i * k + r];
  }

  boolean isNew(int i, int r) {
    return isNew[i * k + r];
  }

  void markOld(int i, int r) {
    isNew[i * k + r] = false;
  }

  private static boolean worse(double d1, int j1, double d2, int j2) {
    return d1 > d2 || (d1 == d2 && j1 > j2);
  }

  /** Offers j at distance d as a neighbour of i; returns whether it entered the heap. */
  boolean push(int i, int j, double d) {
    int base = i * k;
    // the root holds the worst of the k
    if (!worse(distances[base], indices[base], d, j)) {
      return false;
    }
    for (int r = 0; r < k; r++) {
      if (indices[base + r] == j) {
        return false;
      }
    }
    return replaceRoot(base, j, d);
  }

  /**
   * As {@link #push}, for a caller that never offers the same j twice to a row (HNSW marks visited points), so the
   * O(k) duplicate scan is skipped.
   */
  boolean pushDistinct(int i, int j, double d) {
    int base = i * k;
    return worse(distances[base], indices[base], d, j) && replaceRoot(base, j, d);
  }

  private boolean replaceRoot(int base, int j, double d) {
    indices[base] = j;
    distances[base] = d;
    isNew[base] = true;
    siftDown(base);
    return true;
  }

  /** The distance of row i's worst entry; +∞ while the row holds fewer than k. */
  double worstDistance(int i) {
    return distances[i * k];
  }

  /** Empties row i. */
  void clear(int i) {
    java.util.Arrays.fill(indices, i * k, (i + 1) * k, -1);
    java.util.Arrays.fill(distances, i * k, (i + 1) * k, Double.POSITIVE_INFINITY);
    java.util.Arrays.fill(isNew, i * k, (i + 1) * k, false);
  }

  /**
   * Row i's entries, nearest first (ties by index), into the two arrays; empties the row.
   *
   * @return how many entries the row held
   */
  int drainSorted(int i, int[] outIndices, double[] outDistances) {
    int base = i * k;
    int count = 0;
    for (int r = 0; r < k; r++) {
      if (indices[base + r] >= 0) {
        count++;
      }
    }
    // pop the worst to the back until the row is empty; empty slots (+∞, −1) are the worst of all and come first
    for (int last = k - 1; last >= 0; last--) {
      int j = indices[base];
      double d = distances[base];
      if (last < count) {
        outIndices[last] = j;
        outDistances[last] = d;
      }
      indices[base] = -1;
      distances[base] = Double.NEGATIVE_INFINITY;
      siftDown(base);
    }
    clear(i);
    return count;
  }

  private void siftDown(int base) {
    int pos = 0;
    while (true) {
      int left = 2 * pos + 1;
      if (left >= k) {
        return;
      }
      int child = left;
      int right = left + 1;
      if (right < k && worse(distances[base + right], indices[base + right], distances[base + left],
          indices[base + left])) {
        child = right;
      }
      if (!worse(distances[base + child], indices[base + child], distances[base + pos], indices[base + pos])) {
        return;
      }
      swap(base + pos, base + child);
      pos = child;
    }
  }

  private void swap(int a, int b) {
    int ti = indices[a];
    indices[a] = indices[b];
    indices[b] = ti;
    double td = distances[a];
    distances[a] = distances[b];
    distances[b] = td;
    boolean tn = isNew[a];
    isNew[a] = isNew[b];
    isNew[b] = tn;
  }

  /** The heaps as a graph with each row sorted ascending (ties by index). */
  KnnGraph toGraph() {
    int n = indices.length / k;
    int[] outIndices = new int[n * k];
    double[] outDistances = new double[n * k];
    Integer[] order = new Integer[k];
    for (int i = 0; i < n; i++) {
      int base = i * k;
      for (int r = 0; r < k; r++) {
        order[r] = r;
      }
      java.util.Arrays.sort(order, (a, b) -> {
        int byDistance = Double.compare(distances[base + a], distances[base + b]);
        return byDistance != 0 ? byDistance : Integer.compare(indices[base + a], indices[base + b]);
      });
      for (int r = 0; r < k; r++) {
        outIndices[base + r] = indices[base + order[r]];
        outDistances[base + r] = distances[base + order[r]];
      }
    }
    return new KnnGraph(n, k, outIndices, outDistances);
  }
}
