package org.trustml.pruning.manifold;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Approximate k nearest neighbours by NN-descent (Dong, Charikar, Li, WWW 2011; the method behind UMAP's
 * pynndescent): start from random neighbours and repeatedly let every point introduce its neighbours (and reverse
 * neighbours) to each other, keeping the k closest seen. Only pairs with at least one "new" member are compared, and
 * it stops when an iteration changes fewer than {@code delta·n·k} entries.
 *
 * <p>Single-threaded and seeded: the same seed gives the same graph. Deviations from pynndescent: no random
 * projection tree initialisation, candidate lists capped at {@code maxCandidates} by a seeded reservoir sample.
 */
public final class NearestNeighborDescent {

  /** Stop when fewer than this fraction of the n·k entries changed in one iteration (pynndescent's default). */
  static final double DELTA = 0.001;
  static final int MAX_ITERATIONS = 20;

  private NearestNeighborDescent() {}

  /**
   * @param points row-major, {@code dimension} values per row (not modified)
   * @param k      neighbours per point, 1 ≤ k < n
   */
  public static KnnGraph compute(double[] points, int dimension, int k, Metric metric, long seed) {
    KnnGraph.checkShape(points, dimension, k);
    int n = points.length / dimension;
    SplittableRandom random = new SplittableRandom(seed);
    NeighborHeap heap = new NeighborHeap(n, k);
    for (int i = 0; i < n; i++) {
      int added = 0;
      while (added < k) {
        int j = random.nextInt(n);
        if (j != i && heap.push(i, j, metric.distance(points, dimension, i, j))) {
          added++;
        }
      }
    }
    int maxCandidates = Math.max(k, 8);
    Candidates fresh = new Candidates(n, maxCandidates);
    Candidates old = new Candidates(n, maxCandidates);
    for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
      fresh.clear();
      old.clear();
      for (int i = 0; i < n; i++) {
        for (int r = 0; r < k; r++) {
          int j = heap.index(i, r);
          Candidates target = heap.isNew(i, r) ? fresh : old;
          target.offer(i, j, random);
          target.offer(j, i, random);
        }
      }
      // a neighbour that was sampled as new is old from now on
      for (int i = 0; i < n; i++) {
        for (int r = 0; r < k; r++) {
          if (heap.isNew(i, r) && fresh.contains(i, heap.index(i, r))) {
            heap.markOld(i, r);
          }
        }
      }
      long updates = 0;
      for (int i = 0; i < n; i++) {
        int fn = fresh.count(i);
        for (int a = 0; a < fn; a++) {
          int u = fresh.get(i, a);
          for (int b = a + 1; b < fn; b++) {
            updates += join(heap, points, dimension, metric, u, fresh.get(i, b));
          }
          int on = old.count(i);
          for (int b = 0; b < on; b++) {
            updates += join(heap, points, dimension, metric, u, old.get(i, b));
          }
        }
      }
      if (updates < DELTA * n * k) {
        break;
      }
    }
    return heap.toGraph();
  }

  private static int join(NeighborHeap heap, double[] points, int dimension, Metric metric, int u, int v) {
    if (u == v) {
      return 0;
    }
    double d = metric.distance(points, dimension, u, v);
    int changed = heap.push(u, v, d) ? 1 : 0;
    return changed + (heap.push(v, u, d) ? 1 : 0);
  }

  /** Per point, up to {@code capacity} distinct candidates, reservoir-sampled when more are offered. */
  private static final class Candidates {

    private final int capacity;
    private final int[] items;
    private final int[] counts;
    private final int[] offered;

    Candidates(int n, int capacity) {
      this.capacity = capacity;
      this.items = new int[n * capacity];
      this.counts = new int[n];
      this.offered = new int[n];
    }

    void clear() {
      Arrays.fill(counts, 0);
      Arrays.fill(offered, 0);
    }

    void offer(int i, int j, SplittableRandom random) {
      int base = i * capacity;
      for (int a = 0; a < counts[i]; a++) {
        if (items[base + a] == j) {
          return;
        }
      }
      offered[i]++;
      if (counts[i] < capacity) {
        items[base + counts[i]++] = j;
        return;
      }
      int slot = random.nextInt(offered[i]);
      if (slot < capacity) {
        items[base + slot] = j;
      }
    }

    boolean contains(int i, int j) {
      int base = i * capacity;
      for (int a = 0; a < counts[i]; a++) {
        if (items[base + a] == j) {
          return true;
        }
      }
      return false;
    }

    int count(int i) {
      return counts[i];
    }

    int get(int i, int a) {
      return items[i * capacity + a];
    }
  }
}
