package org.trustml.fairness.reductions;

import java.util.ArrayList;
import java.util.List;

/**
 * The Lagrangian L(Q, λ) = err(Q) + Σ_k λ_k (γ_k(Q) − slack) of Agarwal et al. (2018) over the predictors found so
 * far: the best response of the Q player (one oracle call), the duality gap of a (Q, λ) pair and the saddle point of
 * the LP over the found predictors. A faithful port of Fairlearn's {@code _Lagrangian} (MIT licence, © Microsoft
 * Corporation and Fairlearn contributors).
 */
final class Lagrangian {

  /** Fairlearn's {@code _PRECISION}: a new predictor must beat the found ones by this much. */
  static final double PRECISION = 1e-8;
  private static final double[] GAP_MULTIPLIERS = {1.0, 2.0, 5.0, 10.0};

  private final float[] rows;
  private final int width;
  private final int[] labels;
  private final WeightedLearner learner;
  private final ParityMoment constraints;
  private final ErrorRateObjective objective;
  private final double bound;
  private final List<Classifier> predictors = new ArrayList<>();
  private final List<double[]> decisions = new ArrayList<>();
  private final List<Double> errors = new ArrayList<>();
  private final List<double[]> gammas = new ArrayList<>();
  private int oracleCalls;
  private int lastLpSize;
  private LpStep lastLp;

  Lagrangian(float[] rows, int width, int[] labels, WeightedLearner learner, ParityMoment constraints,
      ErrorRateObjective objective, double bound) {
    this.rows = rows;
    this.width = width;
    this.labels = labels;
    this.learner = learner;
    this.constraints = constraints;
    this.objective = objective;
    this.bound = bound;
  }

  List<Classifier> predictors() {
    return predictors;
  }

  int oracleCalls() {
    return oracleCalls;
  }

  double[] gammaOf(int h) {
    return gammas.get(h);
  }

  double[] decisionsOf(int h) {
    return decisions.get(h);
  }

  /**
   * The best response to λ: one oracle call; the new predictor is kept only if its Lagrangian value beats every
   * found predictor's by {@link #PRECISION}, else the best found one is returned. Returns the predictor's index.
   */
  int bestResponse(double[] lambda) {
    Classifier classifier = callOracle(lambda);
    double[] decided = toDouble(classifier.predictAll(rows, width));
    double error = objective.error(decided);
    double[] gamma = constraints.gamma(decided);
    double value = error + dot(gamma, lambda);
    int bestIndex = -1;
    double bestValue = Double.POSITIVE_INFINITY;
    for (int j = 0; j < predictors.size(); j++) {
      double v = errors.get(j) + dot(gammas.get(j), lambda);
      if (v < bestValue) {
        bestValue = v;
        bestIndex = j;
      }
    }
    if (value < bestValue - PRECISION) {
      predictors.add(classifier);
      decisions.add(decided);
      errors.add(error);
      gammas.add(gamma);
      bestIndex = predictors.size() - 1;
    }
    return bestIndex;
  }

  /** Relabels and reweighs by the signed costs and fits the learner (or a constant for one-class data). */
  private Classifier callOracle(double[] lambda) {
    double[] signed = objective.signedWeights();
    double[] fromConstraints = constraints.signedWeights(lambda);
    int n = labels.length;
    int[] redLabels = new int[n];
    double[] redWeights = new double[n];
    double sum = 0;
    int positives = 0;
    for (int i = 0; i < n; i++) {
      double s = signed[i] + fromConstraints[i];
      redLabels[i] = s > 0 ? 1 : 0;
      positives += redLabels[i];
      redWeights[i] = Math.abs(s);
      sum += redWeights[i];
    }
    for (int i = 0; i < n; i++) {
      redWeights[i] = n * redWeights[i] / sum;
    }
    oracleCalls++;
    if (positives == 0 || positives == n) {
      return new ConstantClassifier(redLabels[0]);
    }
    return learner.fit(rows, width, redLabels, redWeights);
  }

  /** L, L_high, γ and error of the mixture {@code q} (weights per found predictor) under λ. */
  Evaluation evaluate(double[] q, double[] lambda) {
    double error = 0;
    double[] gamma = new double[constraints.size()];
    for (int j = 0; j < q.length; j++) {
      if (q[j] == 0) {
        continue;
      }
      error += q[j] * errors.get(j);
      double[] g = gammas.get(j);
      for (int k = 0; k < gamma.length; k++) {
        gamma[k] += q[j] * g[k];
      }
    }
    double[] projected = constraints.projectLambda(lambda);
    double slack = constraints.slack();
    double value = error;
    double maxConstraint = Double.NEGATIVE_INFINITY;
    for (int k = 0; k < gamma.length; k++) {
      value += projected[k] * (gamma[k] - slack);
      maxConstraint = Math.max(maxConstraint, gamma[k] - slack);
    }
    double high = maxConstraint <= 0 ? error : error + bound * maxConstraint;
    return new Evaluation(value, high, gamma, error);
  }

  /**
   * The duality gap of (Q, λ̂): L_high − L from the λ player's best response and L − L_low from the Q player's,
   * the latter tried at multiples of λ̂ until the gap exceeds ν.
   */
  Gap gap(double[] q, double[] lambdaHat, double nu) {
    Evaluation at = evaluate(q, lambdaHat);
    Gap gap = new Gap(at.value(), at.value(), at.high(), at.gamma(), at.error());
    for (double multiplier : GAP_MULTIPLIERS) {
      int h = bestResponse(scale(lambdaHat, multiplier));
      double low = evaluate(unit(h), lambdaHat).value();
      if (low < gap.low()) {
        gap = new Gap(gap.value(), low, gap.high(), gap.gamma(), gap.error());
      }
      if (gap.gap() > nu + PRECISION) {
        break;
      }
    }
    return gap;
  }

  /** The saddle point over the convex hull of the found predictors, recomputed only when new ones were found. */
  LpStep solveLp(double nu) {
    int m = predictors.size();
    if (lastLpSize == m) {
      return lastLp;
    }
    double[] err = new double[m];
    for (int j = 0; j < m; j++) {
      err[j] = errors.get(j);
    }
    SaddlePointLp.Solution s = SaddlePointLp.solve(err, gammas, constraints.slack(), bound);
    double[] q = s.weights();
    lastLpSize = m;
    lastLp = new LpStep(q, s.lambda(), gap(q, s.lambda(), nu));
    return lastLp;
  }

  double[] unit(int h) {
    double[] q = new double[predictors.size()];
    q[h] = 1.0;
    return q;
  }

  private static double[] scale(double[] v, double c) {
    double[] out = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = c * v[i];
    }
    return out;
  }

  static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  private static double[] toDouble(int[] v) {
    double[] out = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = v[i];
    }
    return out;
  }

  /** The Lagrangian's value and its value under the λ player's best response, with γ and error of Q. */
  record Evaluation(double value, double high, double[] gamma, double error) {
  }

  /** A duality gap: {@code max(L − L_low, L_high − L)}. */
  record Gap(double value, double low, double high, double[] gamma, double error) {
    double gap() {
      return Math.max(value - low, high - value);
    }
  }

  /** The LP's mixture, its dual multipliers and their duality gap. */
  record LpStep(double[] q, double[] lambda, Gap gap) {
  }
}
