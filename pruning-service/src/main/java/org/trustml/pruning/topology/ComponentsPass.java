package org.trustml.pruning.topology;

import java.util.Arrays;

/**
 * H0 of a Rips filtration: Kruskal's minimum spanning tree, union–find over the edges in filtration order. Each
 * merging edge kills a component at its length. The other edges are the candidate H1 columns; those already paired
 * with a triangle as an apparent pair are dropped here, as in Ripser's {@code compute_dim_0_pairs}.
 */
final class ComponentsPass {

  private static final int NONE = -1;

  /** H0 pairs: death edges of the tree and the essential components. */
  final PersistencePairs pairs;
  /** Edges that are not in the tree and not apparent, in reverse filtration order (cohomology reduces from the end). */
  final long[] columnsToReduce;

  private ComponentsPass(PersistencePairs pairs, long[] columnsToReduce) {
    this.pairs = pairs;
    this.columnsToReduce = columnsToReduce;
  }

  static ComponentsPass run(EdgeFiltration f, boolean collectColumns) {
    int n = f.n;
    CombinatorialIndex index = f.index;
    ApparentPairs apparent = new ApparentPairs(f);
    UnionFind components = new UnionFind(n);
    PersistencePairs.Builder pairs = new PersistencePairs.Builder(0);
    long[] columns = new long[collectColumns ? Math.max(0, f.edgesInOrder.length - (n - 1)) : 0];
    int columnCount = 0;
    for (long edge : f.edgesInOrder) {
      int b = index.edgeUpper(edge);
      int a = index.edgeLower(edge, b);
      int rootA = components.find(a);
      int rootB = components.find(b);
      int r = f.rank(a, b);
      if (rootA != rootB) {
        components.linkRoots(rootA, rootB);
        double death = f.value(r);
        if (death != 0) {
          pairs.add(0, death, NONE, NONE, a, b);
        }
      } else if (collectColumns && apparent.zeroApparentCofacet(a, b, r) < 0) {
        if (columnCount == columns.length) {
          columns = Arrays.copyOf(columns, Math.max(16, columnCount * 2));
        }
        columns[columnCount++] = edge;
      }
    }
    for (int v = 0; v < n; v++) {
      if (components.find(v) == v) {
        pairs.add(0, Double.POSITIVE_INFINITY, NONE, NONE, NONE, NONE);
      }
    }
    long[] reversed = new long[columnCount];
    for (int i = 0; i < columnCount; i++) {
      reversed[i] = columns[columnCount - 1 - i];
    }
    return new ComponentsPass(pairs.build(), reversed);
  }
}
