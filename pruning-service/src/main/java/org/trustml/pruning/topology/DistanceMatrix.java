package org.trustml.pruning.topology;

/** An immutable symmetric matrix of non-negative distances with a zero diagonal, stored full and row-major. */
public final class DistanceMatrix {

  private final double[] values;
  private final int n;

  private DistanceMatrix(double[] values, int n) {
    this.values = values;
    this.n = n;
  }

  /**
   * @param rows square, symmetric, zero diagonal, finite and non-negative entries (not modified; copied)
   * @throws IllegalArgumentException naming the first entry that breaks a rule
   */
  public static DistanceMatrix of(double[][] rows) {
    int n = rows.length;
    if (n == 0) {
      throw new IllegalArgumentException("a distance matrix needs at least one point");
    }
    double[] flat = new double[n * n];
    for (int i = 0; i < n; i++) {
      if (rows[i].length != n) {
        throw new IllegalArgumentException("row " + i + " has " + rows[i].length + " entries, expected " + n);
      }
      for (int j = 0; j < n; j++) {
        double v = rows[i][j];
        if (!(v >= 0) || Double.isInfinite(v)) {
          throw new IllegalArgumentException("distance (" + i + "," + j + ") must be finite and ≥ 0, got " + v);
        }
        // + 0.0 turns -0.0 into 0.0, so equal distances compare equal bit for bit
        flat[i * n + j] = v + 0.0;
      }
    }
    for (int i = 0; i < n; i++) {
      if (flat[i * n + i] != 0) {
        throw new IllegalArgumentException("diagonal entry (" + i + "," + i + ") must be 0, got " + flat[i * n + i]);
      }
      for (int j = i + 1; j < n; j++) {
        if (flat[i * n + j] != flat[j * n + i]) {
          throw new IllegalArgumentException("not symmetric at (" + i + "," + j + "): " + flat[i * n + j] + " vs "
              + flat[j * n + i]);
        }
      }
    }
    return new DistanceMatrix(flat, n);
  }

  /** Wraps an array already known to be valid (computed from coordinates); not copied. */
  static DistanceMatrix trusted(double[] fullRowMajor, int n) {
    return new DistanceMatrix(fullRowMajor, n);
  }

  /** Number of points n. */
  public int size() {
    return n;
  }

  /** d(i, j). */
  public double get(int i, int j) {
    return values[i * n + j];
  }

  /**
   * The enclosing radius min_i max_j d(i,j): from this value on the Rips complex is a cone, so no homology is
   * born or alive beyond it (Ripser's default threshold).
   */
  public double enclosingRadius() {
    double best = Double.POSITIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      double far = 0;
      int row = i * n;
      for (int j = 0; j < n; j++) {
        far = Math.max(far, values[row + j]);
      }
      best = Math.min(best, far);
    }
    return best;
  }
}
