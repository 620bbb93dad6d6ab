package org.trustml.pruning.manifold;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;

/**
 * The eigenpairs of a small dense symmetric matrix (commons-math), in descending order of eigenvalue: what the
 * spectral start's Rayleigh–Ritz step and principal components both need.
 *
 * @param values  eigenvalues, largest first
 * @param vectors unit eigenvectors, {@code vectors[k]} belonging to {@code values[k]}
 */
record SymmetricEigen(double[] values, double[][] vectors) {

  /** @param symmetric a square symmetric matrix (not modified) */
  static SymmetricEigen of(double[][] symmetric) {
    EigenDecomposition eigen = new EigenDecomposition(new Array2DRowRealMatrix(symmetric));
    double[] raw = eigen.getRealEigenvalues();
    Integer[] order = new Integer[raw.length];
    for (int k = 0; k < raw.length; k++) {
      order[k] = k;
    }
    java.util.Arrays.sort(order, (a, b) -> Double.compare(raw[b], raw[a]));
    double[] values = new double[raw.length];
    double[][] vectors = new double[raw.length][];
    for (int k = 0; k < raw.length; k++) {
      values[k] = raw[order[k]];
      vectors[k] = eigen.getEigenvector(order[k]).toArray();
    }
    return new SymmetricEigen(values, vectors);
  }
}
