package org.trustml.pruning.baseline;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.trustml.pruning.manifold.KnnGraph;

/**
 * A kNN graph made undirected: j is a neighbour of i when j is among i's k nearest or i among j's. Adjacency in
 * compressed rows, each row sorted by neighbour index; every undirected edge appears once in each endpoint's row.
 */
final class SymmetricGraph {

  private final int[] start;
  private final int[] neighbor;
  private final double[] distance;

  private SymmetricGraph(int[] start, int[] neighbor, double[] distance) {
    this.start = start;
    this.neighbor = neighbor;
    this.distance = distance;
  }

  static SymmetricGraph of(KnnGraph knn) {
    int n = knn.size();
    int k = knn.k();
    // directed entries both ways, then sort and drop duplicates per row
    int[][] rows = new int[n][];
    int[] fill = new int[n];
    int[] degree = new int[n];
    for (int i = 0; i < n; i++) {
      for (int r = 0; r < k; r++) {
        degree[i]++;
        degree[knn.neighbor(i, r)]++;
      }
    }
    for (int i = 0; i < n; i++) {
      rows[i] = new int[degree[i]];
    }
    Map<Long, Double> lengths = new HashMap<>();
    for (int i = 0; i < n; i++) {
      for (int r = 0; r < k; r++) {
        int j = knn.neighbor(i, r);
        rows[i][fill[i]++] = j;
        rows[j][fill[j]++] = i;
        lengths.put(key(i, j), knn.distance(i, r));
      }
    }
    int[] start = new int[n + 1];
    int[] unique = new int[n];
    for (int i = 0; i < n; i++) {
      Arrays.sort(rows[i]);
      int u = 0;
      for (int e = 0; e < rows[i].length; e++) {
        if (e == 0 || rows[i][e] != rows[i][e - 1]) {
          rows[i][u++] = rows[i][e];
        }
      }
      unique[i] = u;
      start[i + 1] = start[i] + u;
    }
    int[] neighbor = new int[start[n]];
    double[] distance = new double[start[n]];
    for (int i = 0; i < n; i++) {
      for (int e = 0; e < unique[i]; e++) {
        int j = rows[i][e];
        neighbor[start[i] + e] = j;
        distance[start[i] + e] = lengths.get(key(i, j));
      }
    }
    return new SymmetricGraph(start, neighbor, distance);
  }

  private static long key(int i, int j) {
    return ((long) Math.min(i, j) << 32) | Math.max(i, j);
  }

  /** First edge of node i's row; row i is [start(i), start(i + 1)). */
  int start(int i) {
    return start[i];
  }

  /** The neighbour at edge e. */
  int neighbor(int e) {
    return neighbor[e];
  }

  /** The length of edge e. */
  double distance(int e) {
    return distance[e];
  }
}
