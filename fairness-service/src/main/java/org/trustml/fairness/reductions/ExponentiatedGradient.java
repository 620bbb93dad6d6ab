package org.trustml.fairness.reductions;

import java.util.ArrayList;
import java.util.List;
import org.trustml.fairness.data.FairProblem;

/**
 * The exponentiated-gradient reduction of fair binary classification to weighted classification (Agarwal, Beygelzimer,
 * Dudík, Langford, Wallach 2018, "A Reductions Approach to Fair Classification", Algorithm 1): the λ player runs
 * exponentiated gradient on the constraint violations, the Q player best-responds through the learner, and after
 * every step an LP over the found predictors competes with the running average by duality gap.
 *
 * <p>A faithful port of Fairlearn's {@code ExponentiatedGradient} (MIT licence, © Microsoft Corporation and
 * Fairlearn contributors), constants included, so that its golden test table reproduces.
 */
public final class ExponentiatedGradient {

  private static final double ACCURACY_MUL = 0.5;
  private static final int REGRET_CHECK_START_T = 5;
  private static final double REGRET_CHECK_INCREASE_T = 1.6;
  private static final double SHRINK_REGRET = 0.8;
  private static final double SHRINK_ETA = 0.8;
  private static final int MIN_ITER = 5;

  private final WeightedLearner learner;
  private final ParityConstraint constraint;
  private final ParityBound bound;
  private final Options options;

  /**
   * The algorithm's settings (Fairlearn's defaults by {@link #defaults()}).
   *
   * @param eps sets the multipliers' L1 bound B = 1/eps (Fairlearn's {@code eps}; 0.01)
   * @param maxIter the most iterations (50)
   * @param nu the duality-gap threshold for convergence; {@code NaN} = automatic from the first predictor's error
   * @param eta0 the initial learning rate times B (2.0)
   * @param runLpStep whether the LP over the found predictors competes with the EG average (true)
   * @param fpCost the objective's cost of a false positive (1)
   * @param fnCost the objective's cost of a false negative (1)
   */
  public record Options(double eps, int maxIter, double nu, double eta0, boolean runLpStep, double fpCost,
      double fnCost) {

    public Options {
      if (!(eps > 0) || maxIter < 1 || !(eta0 > 0)) {
        throw new IllegalArgumentException("eps and eta0 must be > 0, maxIter >= 1");
      }
    }

    public static Options defaults() {
      return new Options(0.01, 50, Double.NaN, 2.0, true, 1.0, 1.0);
    }

    public Options withEps(double value) {
      return new Options(value, maxIter, nu, eta0, runLpStep, fpCost, fnCost);
    }
  }

  public ExponentiatedGradient(WeightedLearner learner, ParityConstraint constraint, ParityBound bound,
      Options options) {
    this.learner = learner;
    this.constraint = constraint;
    this.bound = bound;
    this.options = options;
  }

  /** Fits on a problem's features and labels with the given sensitive code per row (an attribute's or the cells). */
  public ExponentiatedGradientResult fit(FairProblem problem, int[] sensitive) {
    return fit(problem.features(), problem.width(), problem.labels(), sensitive);
  }

  /**
   * Fits a randomized classifier.
   *
   * @param rows row-major features
   * @param width features per row
   * @param labels 0/1 per row
   * @param sensitive group code per row
   */
  public ExponentiatedGradientResult fit(float[] rows, int width, int[] labels, int[] sensitive) {
    int n = labels.length;
    if (rows.length != (long) n * width || sensitive.length != n || n < 2) {
      throw new IllegalArgumentException("rows, labels and sensitive codes must describe the same >= 2 rows");
    }
    double b = 1 / options.eps();
    ParityMoment moment = new ParityMoment(constraint, bound, labels, sensitive);
    ErrorRateObjective objective = new ErrorRateObjective(labels, options.fpCost(), options.fnCost());
    Lagrangian lagrangian = new Lagrangian(rows, width, labels, learner, moment, objective, b);
    int k = moment.size();
    double[] theta = new double[k];
    double[] lambdaSum = new double[k];
    List<Double> qSum = new ArrayList<>();
    List<Double> gapsEg = new ArrayList<>();
    List<Double> gaps = new ArrayList<>();
    List<double[]> qs = new ArrayList<>();
    double nu = options.nu();
    double eta = options.eta0() / b;
    double lastRegretChecked = REGRET_CHECK_START_T;
    double lastGap = Double.POSITIVE_INFINITY;
    for (int t = 0; t < options.maxIter(); t++) {
      double[] lambda = multipliers(theta, b);
      for (int j = 0; j < k; j++) {
        lambdaSum[j] += lambda[j];
      }
      double[] lambdaEg = new double[k];
      for (int j = 0; j < k; j++) {
        lambdaEg[j] = lambdaSum[j] / (t + 1);
      }
      int h = lagrangian.bestResponse(lambda);
      if (t == 0 && Double.isNaN(nu)) {
        nu = ACCURACY_MUL * absoluteErrorSd(lagrangian.decisionsOf(h), labels) / Math.sqrt(n);
      }
      while (qSum.size() <= h) {
        qSum.add(0.0);
      }
      qSum.set(h, qSum.get(h) + 1.0);
      double[] gamma = lagrangian.gammaOf(h);
      double[] qEg = normalise(qSum);
      double gapEg = lagrangian.gap(qEg, lambdaEg, nu).gap();
      gapsEg.add(gapEg);
      double gapLp = Double.POSITIVE_INFINITY;
      Lagrangian.LpStep lp = null;
      if (t > 0 && options.runLpStep()) {
        lp = lagrangian.solveLp(nu);
        gapLp = lp.gap().gap();
      }
      if (lp == null || gapEg < gapLp) {
        qs.add(qEg);
        gaps.add(gapEg);
      } else {
        qs.add(lp.q());
        gaps.add(gapLp);
      }
      if (gaps.get(t) < nu && t >= MIN_ITER) {
        break;
      }
      if (t >= lastRegretChecked * REGRET_CHECK_INCREASE_T) {
        double bestGap = gapsEg.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        if (bestGap > lastGap * SHRINK_REGRET) {
          eta *= SHRINK_ETA;
        }
        lastRegretChecked = t;
        lastGap = bestGap;
      }
      for (int j = 0; j < k; j++) {
        theta[j] += eta * (gamma[j] - moment.slack());
      }
    }
    double minGap = gaps.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
    int bestIter = 0;
    for (int t = 0; t < gaps.size(); t++) {
      if (gaps.get(t) <= minGap + Lagrangian.PRECISION) {
        bestIter = t;
      }
    }
    List<Classifier> predictors = lagrangian.predictors();
    double[] weights = new double[predictors.size()];
    double[] best = qs.get(bestIter);
    System.arraycopy(best, 0, weights, 0, best.length);
    return new ExponentiatedGradientResult(new RandomizedClassifier(predictors, weights), gaps.get(bestIter),
        gaps.size() - 1, bestIter, lagrangian.oracleCalls(), nu);
  }

  /** λ = B·exp(θ) / (1 + Σ exp(θ)): the multipliers stay in the scaled simplex of L1 norm ≤ B. */
  private static double[] multipliers(double[] theta, double b) {
    double[] e = new double[theta.length];
    double sum = 0;
    for (int j = 0; j < theta.length; j++) {
      e[j] = Math.exp(theta[j]);
      sum += e[j];
    }
    for (int j = 0; j < theta.length; j++) {
      e[j] = b * e[j] / (1 + sum);
    }
    return e;
  }

  private static double[] normalise(List<Double> counts) {
    double total = 0;
    for (double c : counts) {
      total += c;
    }
    double[] q = new double[counts.size()];
    for (int j = 0; j < q.length; j++) {
      q[j] = counts.get(j) / total;
    }
    return q;
  }

  /** Sample standard deviation (n − 1) of |h(x) − y|, as pandas computes it for ν. */
  private static double absoluteErrorSd(double[] decisions, int[] labels) {
    int n = labels.length;
    double mean = 0;
    for (int i = 0; i < n; i++) {
      mean += Math.abs(decisions[i] - labels[i]);
    }
    mean /= n;
    double ss = 0;
    for (int i = 0; i < n; i++) {
      double d = Math.abs(decisions[i] - labels[i]) - mean;
      ss += d * d;
    }
    return Math.sqrt(ss / (n - 1));
  }
}
