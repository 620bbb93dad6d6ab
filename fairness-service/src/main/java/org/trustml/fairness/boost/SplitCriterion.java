package org.trustml.fairness.boost;

/**
 * What a tree optimises. Each row carries two statistics {@code a} and {@code b} that histograms add up:
 * <ul>
 *   <li>{@link #GINI}: a = w·y (weight of class 1), b = w; the split minimises weighted Gini impurity and a leaf's
 *       value is the weighted share of class 1, a/b.
 *   <li>{@link #NEWTON}: a = gradient g, b = hessian h; the split maximises the second-order gain
 *       G_L²/(H_L+λ) + G_R²/(H_R+λ) − G²/(H+λ) and a leaf's value is −G/(H+λ).
 * </ul>
 */
public enum SplitCriterion {
  GINI, NEWTON;

  /**
   * The node's score, larger is better; a split's gain is score(left) + score(right) − score(parent).
   * For Gini, score = (w₁² + w₀²)/W, i.e. W minus the weighted impurity W·(1 − p₁² − p₀²).
   */
  double score(double a, double b, double lambda) {
    if (this == GINI) {
      if (b <= 0) {
        return 0;
      }
      double w0 = b - a;
      return (a * a + w0 * w0) / b;
    }
    double denominator = b + lambda;
    return denominator > 0 ? a * a / denominator : 0;
  }

  /** The leaf output for summed statistics. */
  double leafValue(double a, double b, double lambda) {
    if (this == GINI) {
      return b > 0 ? Math.min(1, Math.max(0, a / b)) : 0;
    }
    double denominator = b + lambda;
    return denominator > 0 ? -a / denominator : 0;
  }
}
