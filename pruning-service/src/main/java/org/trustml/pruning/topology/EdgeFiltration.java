package org.trustml.pruning.topology;

import java.util.Arrays;

/**
 * The edges of a Vietoris–Rips filtration up to a threshold. Lengths are replaced by their rank among the distinct
 * lengths, so ties stay exact ties and a simplex's filtration value is the maximum rank of its edges: the reduction
 * then compares ints and packs (value, index) into one long.
 */
final class EdgeFiltration {

  /** Rank of an edge longer than the threshold: larger than every real rank, so max() keeps it out. */
  static final int ABSENT = Integer.MAX_VALUE;

  /** Edge indices travel as ints through the sort, so C(n,2) must stay below 2^31. */
  static final int MAX_POINTS = 46_340;

  final int n;
  final CombinatorialIndex index;
  /** Distinct edge lengths ≤ threshold, ascending: rank → length. */
  final double[] values;
  /** Full n×n matrix of ranks, {@link #ABSENT} beyond the threshold; rows are contiguous for cofacet scans. */
  final int[] rank;
  /** Edge indices ≤ threshold in filtration order: increasing length, ties by decreasing index (Ripser's order). */
  final long[] edgesInOrder;

  private EdgeFiltration(int n, CombinatorialIndex index, double[] values, int[] rank, long[] edgesInOrder) {
    this.n = n;
    this.index = index;
    this.values = values;
    this.rank = rank;
    this.edgesInOrder = edgesInOrder;
  }

  static EdgeFiltration of(DistanceMatrix d, double threshold) {
    int n = d.size();
    if (n > MAX_POINTS) {
      throw new IllegalArgumentException("at most " + MAX_POINTS + " points for a dense Rips filtration, got " + n);
    }
    CombinatorialIndex index = new CombinatorialIndex(n);
    int edges = (int) index.edgeCount();
    long[] lengthBits = new long[edges];
    int[] order = new int[edges];
    int m = 0;
    // decreasing edge index, so that the stable sort leaves equal lengths largest index first
    for (int b = n - 1; b >= 1; b--) {
      for (int a = b - 1; a >= 0; a--) {
        double v = d.get(a, b);
        if (v <= threshold) {
          lengthBits[m] = Double.doubleToRawLongBits(v);
          order[m++] = (int) index.edge(a, b);
        }
      }
    }
    // non-negative doubles order like their bit patterns
    RadixSort.sort(lengthBits, order, m);

    double[] values = new double[m];
    int[] rank = new int[n * n];
    Arrays.fill(rank, ABSENT);
    long[] edgesInOrder = new long[m];
    int distinct = 0;
    for (int i = 0; i < m; i++) {
      if (i == 0 || lengthBits[i] != lengthBits[i - 1]) {
        values[distinct++] = Double.longBitsToDouble(lengthBits[i]);
      }
      int edge = order[i];
      int b = index.edgeUpper(edge);
      int a = index.edgeLower(edge, b);
      rank[a * n + b] = distinct - 1;
      rank[b * n + a] = distinct - 1;
      edgesInOrder[i] = edge;
    }
    for (int i = 0; i < n; i++) {
      rank[i * n + i] = 0;
    }
    return new EdgeFiltration(n, index, Arrays.copyOf(values, distinct), rank, edgesInOrder);
  }

  int rank(int a, int b) {
    return rank[a * n + b];
  }

  double value(int rank) {
    return values[rank];
  }
}
