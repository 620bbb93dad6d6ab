package org.trustml.pruning.manifold;

/** Dissimilarity between two rows of a row-major matrix (the note's {@code umap.metric}). */
public enum Metric {

  /** ‖a − b‖. */
  EUCLIDEAN,
  /** 1 − a·b / (‖a‖‖b‖), as UMAP and scikit-learn define it; 0 for a zero vector against anything, by convention. */
  COSINE;

  /**
   * The dissimilarity of rows i and j.
   *
   * @param points row-major, {@code dimension} values per row (not modified)
   */
  public double distance(double[] points, int dimension, int i, int j) {
    int oi = i * dimension;
    int oj = j * dimension;
    if (this == EUCLIDEAN) {
      double s = 0;
      for (int k = 0; k < dimension; k++) {
        double d = points[oi + k] - points[oj + k];
        s += d * d;
      }
      return Math.sqrt(s);
    }
    double dot = 0;
    double ni = 0;
    double nj = 0;
    for (int k = 0; k < dimension; k++) {
      double a = points[oi + k];
      double b = points[oj + k];
      dot += a * b;
      ni += a * a;
      nj += b * b;
    }
    if (ni == 0 || nj == 0) {
      return ni == nj ? 0 : 1;
    }
    // rounding can push the cosine a hair past 1; distances stay ≥ 0
    return Math.max(0, 1 - dot / Math.sqrt(ni * nj));
  }
}
