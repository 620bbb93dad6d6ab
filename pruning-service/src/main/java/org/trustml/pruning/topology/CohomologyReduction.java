package org.trustml.pruning.topology;

import java.util.Arrays;

/**
 * H1 of a Rips filtration by Ripser's algorithm (Bauer, arXiv 1908.02518): reduce the coboundary columns of the
 * edges in reverse filtration order over Z/2, with implicit coboundaries (cofacets enumerated from the
 * combinatorial index), clearing (tree edges never become columns), apparent pairs (skipped before and used as
 * ready-made reducers during the reduction) and emergent pairs (a column whose first equal-valued cofacet is free
 * needs no reduction). Columns are heaps of packed (value rank, reversed triangle index) keys, so the heap minimum
 * is the pivot: the earliest cofacet in filtration order. Deviation from Ripser: Z/2 only.
 */
final class CohomologyReduction {

  private static final int NONE = -1;

  private final EdgeFiltration f;
  private final CombinatorialIndex index;
  private final ApparentPairs apparent;
  private final int[] rank;
  private final int n;
  private final long[] columns;

  private final int indexBits;
  private final long indexMask;
  /** Keys store {@code maxTriangle - index} so that, among equal values, larger indices (earlier simplices) pop first. */
  private final long maxTriangle;

  private final LongMinHeap coboundary = new LongMinHeap();
  private final LongMinHeap reductionColumn = new LongMinHeap();
  private final LongIntHashMap columnOfPivot;
  /** The stored reduction matrix V: for column c, the edges in {@code entries[start[c] .. start[c+1])}. */
  private long[] entries = new long[1024];
  private int entryCount;
  private final int[] start;
  private final long[] cofacets;

  CohomologyReduction(EdgeFiltration f, long[] columnsToReduce) {
    this.f = f;
    this.index = f.index;
    this.apparent = new ApparentPairs(f);
    this.rank = f.rank;
    this.n = f.n;
    this.columns = columnsToReduce;
    this.maxTriangle = index.triangleCount();
    this.indexBits = index.triangleIndexBits();
    this.indexMask = (1L << indexBits) - 1;
    int rankBits = 32 - Integer.numberOfLeadingZeros(Math.max(1, f.values.length));
    if (rankBits + indexBits > 63) {
      throw new IllegalArgumentException("too many points for H1 keys in 64 bits: n=" + n + " with "
          + f.values.length + " distinct edge lengths");
    }
    this.columnOfPivot = new LongIntHashMap(columnsToReduce.length);
    this.start = new int[columnsToReduce.length + 1];
    this.cofacets = new long[Math.max(1, n)];
  }

  private long key(int rank, long triangle) {
    return ((long) rank << indexBits) | (maxTriangle - triangle);
  }

  private long triangleOf(long key) {
    return maxTriangle - (key & indexMask);
  }

  private int rankOf(long key) {
    return (int) (key >>> indexBits);
  }

  PersistencePairs run() {
    PersistencePairs.Builder pairs = new PersistencePairs.Builder(1);
    int[] tri = new int[3];
    for (int c = 0; c < columns.length; c++) {
      start[c] = entryCount;
      long edge = columns[c];
      int b = index.edgeUpper(edge);
      int a = index.edgeLower(edge, b);
      int birthRank = rank[a * n + b];
      coboundary.clear();
      reductionColumn.clear();
      long pivot = initCoboundaryAndGetPivot(a, b, birthRank);
      while (true) {
        if (pivot < 0) {
          pairs.add(f.value(birthRank), Double.POSITIVE_INFINITY, a, b, NONE, NONE);
          break;
        }
        long triangle = triangleOf(pivot);
        int other = columnOfPivot.get(triangle);
        if (other >= 0) {
          addColumn(other, pivot);
          pivot = coboundary.pivot();
          continue;
        }
        int deathRank = rankOf(pivot);
        vertices(triangle, tri);
        long apparentFacet = apparent.zeroApparentFacet(tri[0], tri[1], tri[2], deathRank);
        if (apparentFacet >= 0) {
          addSimplexCoboundary(apparentFacet, pivot);
          pivot = coboundary.pivot();
          continue;
        }
        if (deathRank > birthRank) {
          long deathEdge = apparent.zeroPivotFacet(tri[0], tri[1], tri[2], deathRank);
          int db = index.edgeUpper(deathEdge);
          pairs.add(f.value(birthRank), f.value(deathRank), a, b, index.edgeLower(deathEdge, db), db);
        }
        columnOfPivot.put(triangle, c);
        storeReductionColumn();
        break;
      }
    }
    start[columns.length] = entryCount;
    return pairs.build();
  }

  private void vertices(long triangle, int[] out) {
    int c = index.triangleUpper(triangle);
    long rest = triangle - index.choose3(c);
    int b = index.edgeUpper(rest);
    out[0] = index.edgeLower(rest, b);
    out[1] = b;
    out[2] = c;
  }

  /**
   * Ripser's {@code init_coboundary_and_get_pivot}: the first cofacet (in decreasing index order) with the edge's
   * own value is the pivot at once when it is neither taken nor apparent: an emergent pair, nothing to push.
   */
  private long initCoboundaryAndGetPivot(int a, int b, int r) {
    boolean checkEmergent = true;
    int count = 0;
    int rowA = a * n;
    int rowB = b * n;
    for (int j = n - 1; j >= 0; j--) {
      if (j == a || j == b) {
        continue;
      }
      int t = Math.max(r, Math.max(rank[rowA + j], rank[rowB + j]));
      if (t == EdgeFiltration.ABSENT) {
        continue;
      }
      long triangle = triangleIndex(a, b, j);
      if (checkEmergent && t == r) {
        if (columnOfPivot.get(triangle) < 0 && !isApparentTriangle(a, b, j, t)) {
          return key(t, triangle);
        }
        checkEmergent = false;
      }
      cofacets[count++] = key(t, triangle);
    }
    for (int i = 0; i < count; i++) {
      coboundary.push(cofacets[i]);
    }
    return coboundary.pivot();
  }

  private boolean isApparentTriangle(int a, int b, int j, int t) {
    if (j > b) {
      return apparent.zeroApparentFacet(a, b, j, t) >= 0;
    }
    if (j > a) {
      return apparent.zeroApparentFacet(a, j, b, t) >= 0;
    }
    return apparent.zeroApparentFacet(j, a, b, t) >= 0;
  }

  private long triangleIndex(int a, int b, int j) {
    if (j > b) {
      return index.triangle(a, b, j);
    }
    if (j > a) {
      return index.triangle(a, j, b);
    }
    return index.triangle(j, a, b);
  }

  /** Adds column {@code other} of the reduced matrix: its edge and its stored V entries, with their coboundaries. */
  private void addColumn(int other, long pivot) {
    addSimplexCoboundary(columns[other], pivot);
    for (int i = start[other]; i < start[other + 1]; i++) {
      addSimplexCoboundary(entries[i], pivot);
    }
  }

  /**
   * Pushes the edge into V and its cofacets into the working column. Cofacets before {@code pivot} are skipped:
   * the added column is reduced with this same pivot, so its entries before the pivot sum to zero over Z/2, and
   * the working column has none left there either (a deviation from Ripser that saves heap operations).
   */
  private void addSimplexCoboundary(long edge, long pivot) {
    reductionColumn.push(edge);
    int b = index.edgeUpper(edge);
    int a = index.edgeLower(edge, b);
    int r = rank[a * n + b];
    int rowA = a * n;
    int rowB = b * n;
    for (int j = n - 1; j >= 0; j--) {
      if (j == a || j == b) {
        continue;
      }
      int t = Math.max(r, Math.max(rank[rowA + j], rank[rowB + j]));
      if (t != EdgeFiltration.ABSENT) {
        long key = key(t, triangleIndex(a, b, j));
        if (key >= pivot) {
          coboundary.push(key);
        }
      }
    }
  }

  private void storeReductionColumn() {
    while (true) {
      long e = reductionColumn.popPivot();
      if (e < 0) {
        return;
      }
      if (entryCount == entries.length) {
        entries = Arrays.copyOf(entries, entryCount * 2);
      }
      entries[entryCount++] = e;
    }
  }
}
