package org.trustml.pruning.topology;

/**
 * Zero-persistence pairs found without reduction (Bauer, Ripser, arXiv 1908.02518, §3.5): an edge and a triangle of
 * the same value where the triangle is the edge's earliest cofacet and the edge the triangle's latest facet. The
 * scan orders are Ripser's (cofacets by decreasing index, facets by increasing index), so ties break as in Ripser.
 */
final class ApparentPairs {

  private final EdgeFiltration f;
  private final CombinatorialIndex index;
  private final int[] rank;
  private final int n;

  ApparentPairs(EdgeFiltration f) {
    this.f = f;
    this.index = f.index;
    this.rank = f.rank;
    this.n = f.n;
  }

  /**
   * The third vertex of the earliest cofacet of edge {a,b} (rank r) that has the same value, or -1. Cofacets are
   * scanned by decreasing triangle index, which is increasing filtration order among equal values.
   */
  int zeroPivotCofacetVertex(int a, int b, int r) {
    int rowA = a * n;
    int rowB = b * n;
    for (int j = n - 1; j >= 0; j--) {
      if (rank[rowA + j] <= r && rank[rowB + j] <= r && j != a && j != b) {
        return j;
      }
    }
    return -1;
  }

  /** Index of the latest facet of triangle {a<b<c} that has its value t (a longest edge; one always exists). */
  long zeroPivotFacet(int a, int b, int c, int t) {
    if (rank[a * n + b] == t) {
      return index.edge(a, b);
    }
    if (rank[a * n + c] == t) {
      return index.edge(a, c);
    }
    return index.edge(b, c);
  }

  /** The triangle paired with edge {a<b} (rank r) as an apparent pair, or -1. */
  long zeroApparentCofacet(int a, int b, int r) {
    int j = zeroPivotCofacetVertex(a, b, r);
    if (j < 0) {
      return -1;
    }
    long triangle;
    long facet;
    if (j > b) {
      triangle = index.triangle(a, b, j);
      facet = zeroPivotFacet(a, b, j, r);
    } else if (j > a) {
      triangle = index.triangle(a, j, b);
      facet = zeroPivotFacet(a, j, b, r);
    } else {
      triangle = index.triangle(j, a, b);
      facet = zeroPivotFacet(j, a, b, r);
    }
    return facet == index.edge(a, b) ? triangle : -1;
  }

  /** The edge paired with triangle {a<b<c} (rank t) as an apparent pair, or -1. */
  long zeroApparentFacet(int a, int b, int c, int t) {
    long facet = zeroPivotFacet(a, b, c, t);
    int fb = index.edgeUpper(facet);
    int fa = index.edgeLower(facet, fb);
    int j = zeroPivotCofacetVertex(fa, fb, t);
    // the facet's earliest equal-valued cofacet adds back the vertex that the facet dropped
    return j == a + b + c - fa - fb ? facet : -1;
  }
}
