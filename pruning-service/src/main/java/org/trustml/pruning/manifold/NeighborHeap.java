package org.trustml.pruning.manifold;

/**
 * For every point, a bounded max-heap of its k best candidate neighbours with a "new" flag per entry (NN-descent's
 * working set). Ties are broken by index so that the result does not depend on insertion order.
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
    indices[base] = j;
    distances[base] = d;
    isNew[base] = true;
    siftDown(base);
    return true;
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
