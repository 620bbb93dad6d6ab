package org.trustml.pruning.manifold;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.trustml.pruning.parallel.OrderedTasks;

/**
 * Approximate k nearest neighbours of every point through an {@link HnswIndex}: index all points, then search for
 * each point's {@code ef} nearest and keep the first k other than itself. The index is built on one thread; the
 * searches are independent reads, split into contiguous blocks over {@code threads} threads, so the graph is the
 * same for any thread count.
 */
public final class HnswNearestNeighbors {

  private HnswNearestNeighbors() {}

  /**
   * @param points         row-major, {@code dimension} values per row (not modified)
   * @param k              neighbours per point, 1 ≤ k < n
   * @param m              HNSW's M (≥ 2)
   * @param efConstruction beam width while building (≥ 1)
   * @param ef             beam width while searching; at least k + 1 is used
   * @param threads        searching threads (≥ 1); does not change the result
   */
  public static KnnGraph compute(double[] points, int dimension, int k, Metric metric, int m, int efConstruction,
      int ef, long seed, int threads) {
    KnnGraph.checkShape(points, dimension, k);
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be ≥ 1, got " + threads);
    }
    int n = points.length / dimension;
    HnswIndex index = HnswIndex.build(points, dimension, metric, m, efConstruction, seed);
    int width = Math.max(ef, k + 1);
    int[] neighbors = new int[n * k];
    double[] distances = new double[n * k];
    int blocks = Math.min(threads, n);
    if (blocks == 1) {
      searchRows(index, points, dimension, metric, k, width, 0, n, neighbors, distances);
      return new KnnGraph(n, k, neighbors, distances);
    }
    List<Callable<Void>> searches = new ArrayList<>();
    for (int b = 0; b < blocks; b++) {
      int from = (int) ((long) n * b / blocks);
      int to = (int) ((long) n * (b + 1) / blocks);
      searches.add(() -> {
        searchRows(index, points, dimension, metric, k, width, from, to, neighbors, distances);
        return null;
      });
    }
    OrderedTasks.run(blocks, searches, "searching the HNSW index");
    return new KnnGraph(n, k, neighbors, distances);
  }

  private static void searchRows(HnswIndex index, double[] points, int dimension, Metric metric, int k, int width,
      int from, int to, int[] neighbors, double[] distances) {
    HnswIndex.Search search = index.newSearch(width);
    int[] ids = new int[width];
    double[] ds = new double[width];
    for (int q = from; q < to; q++) {
      int found = index.nearest(q, width, search, ids, ds);
      int filled = 0;
      for (int a = 0; a < found && filled < k; a++) {
        if (ids[a] != q) {
          neighbors[q * k + filled] = ids[a];
          distances[q * k + filled] = ds[a];
          filled++;
        }
      }
      if (filled < k) {
        // the layer-0 graph did not reach k other points from here (tiny or split graph): this row by brute force
        bruteForceRow(points, dimension, metric, q, k, neighbors, distances);
      }
    }
  }

  private static void bruteForceRow(double[] points, int dimension, Metric metric, int q, int k, int[] neighbors,
      double[] distances) {
    int n = points.length / dimension;
    NeighborHeap heap = new NeighborHeap(1, k);
    for (int j = 0; j < n; j++) {
      if (j != q) {
        heap.pushDistinct(0, j, metric.distance(points, dimension, q, j));
      }
    }
    int[] ids = new int[k];
    double[] ds = new double[k];
    heap.drainSorted(0, ids, ds);
    System.arraycopy(ids, 0, neighbors, q * k, k);
    System.arraycopy(ds, 0, distances, q * k, k);
  }
}
