package org.trustml.fairness.multitask;

/**
 * Linear centred kernel alignment between two parameter matrices with the same number of rows (design note §8):
 * CKA(K_a, K_b) = tr(HK_aH·HK_bH) / sqrt(tr(HK_aH·HK_aH)·tr(HK_bH·HK_bH)), K = θθᵀ, H = I − 11ᵀ/n.
 *
 * <p>FairBranch passes a layer's weight as {@code in × out}: the rows are the units of the layer below, which every
 * task reads alike, so two tasks' matrices are comparable even when they have different column counts.
 */
public final class LinearCka {

  private LinearCka() {}

  /**
   * The similarity in [0, 1] of {@code a} ({@code n × p}) and {@code b} ({@code n × q}); 0 when either centred
   * kernel is zero.
   */
  public static double similarity(double[][] a, double[][] b) {
    if (a.length != b.length || a.length == 0) {
      throw new IllegalArgumentException("both matrices need the same, non-zero number of rows");
    }
    double[][] ka = centredGram(a);
    double[][] kb = centredGram(b);
    double ab = traceOfProduct(ka, kb);
    double aa = traceOfProduct(ka, ka);
    double bb = traceOfProduct(kb, kb);
    double denominator = Math.sqrt(aa * bb);
    return denominator == 0 ? 0 : ab / denominator;
  }

  /** HKH with K = θθᵀ. */
  static double[][] centredGram(double[][] theta) {
    int n = theta.length;
    double[][] k = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = i; j < n; j++) {
        double dot = 0;
        for (int c = 0; c < theta[i].length; c++) {
          dot += theta[i][c] * theta[j][c];
        }
        k[i][j] = dot;
        k[j][i] = dot;
      }
    }
    // HKH subtracts row means and column means and adds back the grand mean
    double[] rowMean = new double[n];
    double grand = 0;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        rowMean[i] += k[i][j];
      }
      grand += rowMean[i];
      rowMean[i] /= n;
    }
    grand /= (double) n * n;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        k[i][j] = k[i][j] - rowMean[i] - rowMean[j] + grand; // K is symmetric: column means equal row means
      }
    }
    return k;
  }

  /** tr(AB) of two symmetric matrices: Σ A_ij B_ij, no product needed. */
  private static double traceOfProduct(double[][] a, double[][] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      for (int j = 0; j < a.length; j++) {
        sum += a[i][j] * b[i][j];
      }
    }
    return sum;
  }

  /** A {@code rows × cols} row-major float array as a matrix. */
  static double[][] matrix(float[] values, int rows, int cols) {
    double[][] m = new double[rows][cols];
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++) {
        m[i][j] = values[i * cols + j];
      }
    }
    return m;
  }
}
