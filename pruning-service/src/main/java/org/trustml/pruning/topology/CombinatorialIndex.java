package org.trustml.pruning.topology;

/**
 * Combinatorial number system for edges and triangles on {@code n} vertices (Ripser's indexing): edge {a<b} has
 * index C(b,2)+a, triangle {a<b<c} has index C(c,3)+C(b,2)+a. Indices are dense, so simplices need no storage.
 */
final class CombinatorialIndex {

  private final int n;
  private final long[] choose2;
  private final long[] choose3;

  CombinatorialIndex(int n) {
    this.n = n;
    choose2 = new long[n + 1];
    choose3 = new long[n + 1];
    for (int j = 0; j <= n; j++) {
      choose2[j] = (long) j * (j - 1) / 2;
      choose3[j] = (long) j * (j - 1) * (j - 2) / 6;
    }
  }

  /** C(j,2) for 0 ≤ j ≤ n. */
  long choose2(int j) {
    return choose2[j];
  }

  /** C(j,3) for 0 ≤ j ≤ n. */
  long choose3(int j) {
    return choose3[j];
  }

  long edgeCount() {
    return choose2[n];
  }

  long triangleCount() {
    return choose3[n];
  }

  /** Index of edge {a, b}, a &lt; b. */
  long edge(int a, int b) {
    return choose2[b] + a;
  }

  /** Index of triangle {a, b, c}, a &lt; b &lt; c. */
  long triangle(int a, int b, int c) {
    return choose3[c] + choose2[b] + a;
  }

  /** The larger vertex b of the edge with this index. */
  int edgeUpper(long edge) {
    // b(b-1)/2 ≤ edge: start from the closed form and correct the rounding of the square root
    int b = (int) ((1 + Math.sqrt(1 + 8.0 * edge)) / 2);
    while (choose2[b] > edge) {
      b--;
    }
    while (b < n && choose2[b + 1] <= edge) {
      b++;
    }
    return b;
  }

  /** The smaller vertex a of the edge with this index. */
  int edgeLower(long edge, int upper) {
    return (int) (edge - choose2[upper]);
  }

  /** The largest vertex c of the triangle with this index (binary search over C(·,3)). */
  int triangleUpper(long triangle) {
    int lo = 2;
    int hi = n - 1;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (choose3[mid] <= triangle) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return lo;
  }

  /** Number of bits that hold every triangle index, used to pack (value rank, index) into one long. */
  int triangleIndexBits() {
    return 64 - Long.numberOfLeadingZeros(Math.max(1, choose3[n]));
  }
}
