package org.trustml.fairness.reductions;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealVector;

/**
 * Fairlearn's golden-test learner: weighted least squares of the 0/1 labels on the raw features (no added
 * intercept), deciding 1 iff x·w > 0.5.
 */
final class LeastSquaresLearner implements WeightedLearner {

  @Override
  public Classifier fit(float[] rows, int width, int[] labels, double[] weights) {
    int n = labels.length;
    double[][] a = new double[n][width];
    double[] b = new double[n];
    for (int i = 0; i < n; i++) {
      double root = Math.sqrt(weights[i]);
      for (int j = 0; j < width; j++) {
        a[i][j] = rows[i * width + j] * root;
      }
      b[i] = labels[i] * root;
    }
    RealVector w = new QRDecomposition(new Array2DRowRealMatrix(a, false)).getSolver()
        .solve(new ArrayRealVector(b, false));
    return new Linear(w.toArray());
  }

  /** x·w, thresholded at 0.5. */
  record Linear(double[] w) implements Classifier {
    @Override
    public double score(float[] rows, int offset) {
      double s = 0;
      for (int j = 0; j < w.length; j++) {
        s += rows[offset + j] * w[j];
      }
      return s;
    }

    @Override
    public int predict(float[] rows, int offset) {
      return score(rows, offset) > 0.5 ? 1 : 0;
    }
  }
}
