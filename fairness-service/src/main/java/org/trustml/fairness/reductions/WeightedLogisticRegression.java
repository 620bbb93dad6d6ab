package org.trustml.fairness.reductions;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.RealVector;

/**
 * L2-regularised logistic regression with per-row weights, fitted by Newton's method (IRLS) on internally
 * standardised features. Deterministic: no random initialisation, no sampling.
 *
 * <p>The loss is {@code Σ w_i·logloss_i / Σ w_i + (l2/2)·|β|²} over standardised coefficients (the intercept is not
 * penalised), so the penalty does not depend on the weights' scale or on the features' units.
 */
public final class WeightedLogisticRegression implements WeightedLearner {

  private static final int MAX_ITERATIONS = 100;
  private static final double TOLERANCE = 1e-10;

  private final double l2;

  /** @param l2 the penalty on standardised coefficients, ≥ 0 (1e-4 is a mild default) */
  public WeightedLogisticRegression(double l2) {
    if (!(l2 >= 0)) {
      throw new IllegalArgumentException("l2 must be >= 0");
    }
    this.l2 = l2;
  }

  public WeightedLogisticRegression() {
    this(1e-4);
  }

  @Override
  public Classifier fit(float[] rows, int width, int[] labels, double[] weights) {
    int n = labels.length;
    double total = 0;
    for (double w : weights) {
      total += w;
    }
    if (!(total > 0)) {
      throw new IllegalArgumentException("weights must have a positive sum");
    }
    double[] mean = new double[width];
    double[] scale = new double[width];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < width; j++) {
        mean[j] += weights[i] * rows[i * width + j];
      }
    }
    for (int j = 0; j < width; j++) {
      mean[j] /= total;
    }
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < width; j++) {
        double c = rows[i * width + j] - mean[j];
        scale[j] += weights[i] * c * c;
      }
    }
    for (int j = 0; j < width; j++) {
      double sd = Math.sqrt(scale[j] / total);
      // a constant column carries no information; a unit scale keeps it harmless
      scale[j] = sd > 1e-12 ? sd : 1.0;
    }
    int p = width + 1;
    double[] beta = new double[p];
    double[] z = new double[p];
    z[width] = 1.0;
    for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
      double[] gradient = new double[p];
      double[][] hessian = new double[p][p];
      for (int i = 0; i < n; i++) {
        double w = weights[i] / total;
        if (w == 0) {
          continue;
        }
        standardise(rows, i * width, width, mean, scale, z);
        double prob = sigmoid(dot(beta, z));
        double r = w * (prob - labels[i]);
        double h = w * Math.max(prob * (1 - prob), 1e-12);
        for (int a = 0; a < p; a++) {
          gradient[a] += r * z[a];
          for (int b = 0; b <= a; b++) {
            hessian[a][b] += h * z[a] * z[b];
          }
        }
      }
      for (int a = 0; a < p; a++) {
        for (int b = 0; b < a; b++) {
          hessian[b][a] = hessian[a][b];
        }
      }
      for (int j = 0; j < width; j++) {
        gradient[j] += l2 * beta[j];
        hessian[j][j] += l2;
      }
      // a tiny ridge keeps separable data from producing a singular system
      for (int a = 0; a < p; a++) {
        hessian[a][a] += 1e-10;
      }
      RealVector step = new CholeskyDecomposition(new Array2DRowRealMatrix(hessian, false), 1e-14, 0)
          .getSolver().solve(new ArrayRealVector(gradient, false));
      double size = 0;
      for (int a = 0; a < p; a++) {
        beta[a] -= step.getEntry(a);
        size = Math.max(size, Math.abs(step.getEntry(a)));
      }
      if (size < TOLERANCE) {
        break;
      }
    }
    double[] coefficients = new double[width];
    double intercept = beta[width];
    for (int j = 0; j < width; j++) {
      coefficients[j] = beta[j] / scale[j];
      intercept -= coefficients[j] * mean[j];
    }
    return new LogisticModel(coefficients, intercept);
  }

  private static void standardise(float[] rows, int offset, int width, double[] mean, double[] scale, double[] z) {
    for (int j = 0; j < width; j++) {
      z[j] = (rows[offset + j] - mean[j]) / scale[j];
    }
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  static double sigmoid(double t) {
    return t >= 0 ? 1 / (1 + Math.exp(-t)) : Math.exp(t) / (1 + Math.exp(t));
  }

  /**
   * A fitted logistic model on the original feature scale: {@code score} is P(y = 1), {@code predict} is
   * {@code score ≥ 0.5}.
   */
  public record LogisticModel(double[] coefficients, double intercept) implements Classifier {

    @Override
    public double score(float[] rows, int offset) {
      double t = intercept;
      for (int j = 0; j < coefficients.length; j++) {
        t += coefficients[j] * rows[offset + j];
      }
      return sigmoid(t);
    }

    @Override
    public int predict(float[] rows, int offset) {
      return score(rows, offset) >= 0.5 ? 1 : 0;
    }
  }
}
