package org.trustml.fairness.reductions;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.linear.LinearConstraint;
import org.apache.commons.math3.optim.linear.LinearConstraintSet;
import org.apache.commons.math3.optim.linear.LinearObjectiveFunction;
import org.apache.commons.math3.optim.linear.NonNegativeConstraint;
import org.apache.commons.math3.optim.linear.Relationship;
import org.apache.commons.math3.optim.linear.SimplexSolver;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;

/**
 * The saddle point of the Lagrangian restricted to mixtures of the found predictors, as the primal LP
 * {@code min Σ_j err_j Q_j + B·z  s.t.  Σ_j (γ_kj − ε) Q_j ≤ z ∀k, Σ_j Q_j = 1, Q, z ≥ 0} and its dual
 * {@code max μ  s.t.  μ ≤ err_j + Σ_k λ_k (γ_kj − ε) ∀j, Σ_k λ_k ≤ B, λ ≥ 0} (Fairlearn's {@code solve_linprog}).
 */
final class SaddlePointLp {

  private static final int MAX_ITERATIONS = 100_000;
  private static final double OPTIMUM_TOLERANCE = 1e-12;
  private static final double WEIGHT_DUST = 1e-9;

  private SaddlePointLp() {
  }

  /** Mixture weights Q over the predictors and multipliers λ over the constraints. */
  record Solution(double[] weights, double[] lambda) {
  }

  /**
   * Among the primal optima, the vertex that puts the most weight on individually fairer predictors (smallest
   * Σ_j Q_j·max_k γ_kj). The LP is often degenerate (predictors of equal error), and simplex codes then differ in the
   * optimal vertex they return; a secondary linear objective over the optimal face makes the choice principled rather
   * than solver-dependent. On Fairlearn's golden table it picks the vertex that current Fairlearn's HiGHS solver
   * returns.
   */
  private static double[] fairestOptimum(List<LinearConstraint> primal, double[] c, double optimum, int m,
      List<double[]> gammas) {
    List<LinearConstraint> constraints = new ArrayList<>(primal);
    constraints.add(new LinearConstraint(c, Relationship.LEQ, optimum + OPTIMUM_TOLERANCE * (1 + Math.abs(optimum))));
    double[] objective = new double[m + 1];
    for (int j = 0; j < m; j++) {
      double worst = Double.NEGATIVE_INFINITY;
      for (double g : gammas.get(j)) {
        worst = Math.max(worst, g);
      }
      objective[j] = worst;
    }
    PointValuePair p = new SimplexSolver().optimize(new MaxIter(MAX_ITERATIONS),
        new LinearObjectiveFunction(objective, 0), new LinearConstraintSet(constraints), GoalType.MINIMIZE,
        new NonNegativeConstraint(true));
    // the tolerance on the optimum lets dust of order 1e-11 onto other predictors; it carries no meaning
    double[] q = new double[m];
    double total = 0;
    for (int j = 0; j < m; j++) {
      q[j] = p.getPoint()[j] > WEIGHT_DUST ? p.getPoint()[j] : 0.0;
      total += q[j];
    }
    for (int j = 0; j < m; j++) {
      q[j] /= total;
    }
    return q;
  }

  static Solution solve(double[] errors, List<double[]> gammas, double slack, double bound) {
    int m = errors.length;
    int k = gammas.get(0).length;
    // primal: variables Q_1..Q_m, z
    double[] c = new double[m + 1];
    System.arraycopy(errors, 0, c, 0, m);
    c[m] = bound;
    List<LinearConstraint> primal = new ArrayList<>();
    for (int r = 0; r < k; r++) {
      double[] a = new double[m + 1];
      for (int j = 0; j < m; j++) {
        a[j] = gammas.get(j)[r] - slack;
      }
      a[m] = -1;
      primal.add(new LinearConstraint(a, Relationship.LEQ, 0));
    }
    double[] sum = new double[m + 1];
    for (int j = 0; j < m; j++) {
      sum[j] = 1;
    }
    primal.add(new LinearConstraint(sum, Relationship.EQ, 1));
    PointValuePair p = new SimplexSolver().optimize(new MaxIter(MAX_ITERATIONS),
        new LinearObjectiveFunction(c, 0), new LinearConstraintSet(primal), GoalType.MINIMIZE,
        new NonNegativeConstraint(true));
    double[] q = fairestOptimum(primal, c, p.getValue(), m, gammas);

    // dual: variables λ_1..λ_k, μ⁺, μ⁻ (μ is free)
    double[] dc = new double[k + 2];
    dc[k] = 1;
    dc[k + 1] = -1;
    List<LinearConstraint> dual = new ArrayList<>();
    for (int j = 0; j < m; j++) {
      double[] a = new double[k + 2];
      for (int r = 0; r < k; r++) {
        a[r] = -(gammas.get(j)[r] - slack);
      }
      a[k] = 1;
      a[k + 1] = -1;
      dual.add(new LinearConstraint(a, Relationship.LEQ, errors[j]));
    }
    double[] total = new double[k + 2];
    for (int r = 0; r < k; r++) {
      total[r] = 1;
    }
    dual.add(new LinearConstraint(total, Relationship.LEQ, bound));
    PointValuePair d = new SimplexSolver().optimize(new MaxIter(MAX_ITERATIONS),
        new LinearObjectiveFunction(dc, 0), new LinearConstraintSet(dual), GoalType.MAXIMIZE,
        new NonNegativeConstraint(true));
    double[] lambda = new double[k];
    System.arraycopy(d.getPoint(), 0, lambda, 0, k);
    return new Solution(q, lambda);
  }
}
