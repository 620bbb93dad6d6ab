package org.trustml.pruning.manifold;

/**
 * The note's {@code global.method = pca}: the points centred and projected onto the top d eigenvectors of their
 * sample covariance (a linear, deterministic alternative to UMAP's layout). Each component's sign is fixed so that
 * its largest-magnitude loading is positive (scikit-learn's {@code svd_flip} convention), so the result does not
 * depend on the eigen solver's sign choice. Components beyond the data's rank are zero.
 */
public final class PrincipalComponents {

  private PrincipalComponents() {}

  /**
   * @param points    n×inputDimension row-major (not modified)
   * @param dimension d ≥ 1 output coordinates
   * @return n×d row-major projections, in descending order of explained variance
   */
  public static double[] project(double[] points, int inputDimension, int dimension) {
    int n = points.length / inputDimension;
    double[] mean = new double[inputDimension];
    for (int i = 0; i < n; i++) {
      for (int c = 0; c < inputDimension; c++) {
        mean[c] += points[i * inputDimension + c] / n;
      }
    }
    double[][] covariance = new double[inputDimension][inputDimension];
    double[] centred = new double[inputDimension];
    for (int i = 0; i < n; i++) {
      for (int c = 0; c < inputDimension; c++) {
        centred[c] = points[i * inputDimension + c] - mean[c];
      }
      for (int a = 0; a < inputDimension; a++) {
        for (int b = a; b < inputDimension; b++) {
          covariance[a][b] += centred[a] * centred[b];
        }
      }
    }
    for (int a = 0; a < inputDimension; a++) {
      for (int b = 0; b < a; b++) {
        covariance[a][b] = covariance[b][a];
      }
    }
    SymmetricEigen eigen = SymmetricEigen.of(covariance);
    double[] out = new double[n * dimension];
    for (int k = 0; k < Math.min(dimension, inputDimension); k++) {
      double[] axis = eigen.vectors()[k];
      int largest = 0;
      for (int c = 1; c < inputDimension; c++) {
        largest = Math.abs(axis[c]) > Math.abs(axis[largest]) ? c : largest;
      }
      double sign = axis[largest] < 0 ? -1 : 1;
      for (int i = 0; i < n; i++) {
        double s = 0;
        for (int c = 0; c < inputDimension; c++) {
          s += (points[i * inputDimension + c] - mean[c]) * axis[c];
        }
        out[i * dimension + k] = sign * s;
      }
    }
    return out;
  }
}
