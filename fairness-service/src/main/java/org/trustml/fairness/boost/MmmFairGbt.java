package org.trustml.fairness.boost;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.trustml.fairness.data.FairProblem;

/**
 * MMM-Fair's gradient-boosted variant (design note §4): histogram GBDT with logistic loss whose gradient gets the
 * smooth-max fairness gradient of {@link FairnessPenalty} added, scaled by α_fair and magnitude-matched to the
 * logistic gradient (mean|g_log| / (mean|g_fair| + 1e-7)); the hessian is the logistic one only.
 *
 * <p>Groupings: each attribute's binary view (non-protected as reference), or in intersectional mode every cell
 * with at least {@code minSupport} rows against all other rows (the "rest" as reference, so D &gt; 0 means the
 * cell is behind the rest). {@link Constraint#NONE} or α_fair = 0 is a plain GBDT.
 */
public final class MmmFairGbt {

  private static final double MAGNITUDE_GUARD = 1e-7;

  private final GbtParams params;

  public MmmFairGbt(GbtParams params) {
    this.params = params;
  }

  /** Trains on {@code problem}; the listener hears every iteration and may throw to cancel. */
  public BoostingResult fit(FairProblem problem, BoostingListener listener) {
    int n = problem.rows();
    int[] y = problem.labels();
    double positives = 0;
    for (int v : y) {
      if (v != 0 && v != 1) {
        throw new IllegalArgumentException("labels must be 0 or 1, found " + v);
      }
      positives += v;
    }
    double prior = Math.min(1 - 1e-6, Math.max(1e-6, positives / n));
    double base = Math.log(prior / (1 - prior));
    BinnedFeatures binned = BinnedFeatures.of(problem.features(), problem.width(), params.maxBins());
    HistogramTreeGrower grower = new HistogramTreeGrower(binned, params.tree(), SplitCriterion.NEWTON);
    StageEvaluator evaluator = new StageEvaluator(problem, params.constraint(),
        StageEvaluator.ImbalanceObjective.ONE_MINUS_BALANCED_ACCURACY, params.minSupport());
    FairnessPenalty penalty = params.constraint() == Constraint.NONE || params.alphaFair() == 0
        ? null : new FairnessPenalty(groupings(problem), y, params.constraint(), params.beta());

    int[] all = new int[n];
    for (int i = 0; i < n; i++) {
      all[i] = i;
    }
    double[] raw = new double[n];
    Arrays.fill(raw, base);
    double[] grad = new double[n];
    double[] hess = new double[n];
    int[] prediction = new int[n];
    List<Tree> trees = new ArrayList<>();
    double lr = params.learningRate();
    for (int t = 0; t < params.iterations(); t++) {
      listener.round(t, params.iterations());
      double meanLogistic = 0;
      for (int i = 0; i < n; i++) {
        double p = 1 / (1 + Math.exp(-raw[i]));
        grad[i] = p - y[i];
        hess[i] = Math.max(p * (1 - p), 1e-16);
        meanLogistic += Math.abs(grad[i]);
      }
      if (penalty != null) {
        double[] fair = penalty.gradient(raw);
        double meanFair = 0;
        for (double v : fair) {
          meanFair += Math.abs(v);
        }
        double scale = params.alphaFair() * (meanLogistic / n) / (meanFair / n + MAGNITUDE_GUARD);
        for (int i = 0; i < n; i++) {
          grad[i] += scale * fair[i];
        }
      }
      GrownTree grown = grower.grow(grad, hess, all);
      trees.add(grown.tree());
      for (int i = 0; i < n; i++) {
        raw[i] += lr * grown.value(i);
        prediction[i] = raw[i] > 0 ? 1 : 0;
      }
      evaluator.record(prediction);
    }
    double[] weights = new double[trees.size()];
    Arrays.fill(weights, lr);
    Ensemble ensemble = new Ensemble(Ensemble.Kind.GBT, problem.featureNames(), trees, weights, base, trees.size());
    return new BoostingResult(ensemble, evaluator.trace());
  }

  /** The reference-group masks the penalty runs over: attributes' non-protected views, or supported cells' rest. */
  List<boolean[]> groupings(FairProblem problem) {
    if (!params.intersectional()) {
      return Arrays.asList(problem.nonProtectedMatrix());
    }
    int cellCount = problem.cellNames().size();
    int[] size = new int[cellCount];
    for (int c : problem.cells()) {
      size[c]++;
    }
    List<boolean[]> out = new ArrayList<>();
    for (int k = 0; k < cellCount; k++) {
      if (size[k] >= params.minSupport() && size[k] < problem.rows()) {
        boolean[] rest = new boolean[problem.rows()];
        for (int i = 0; i < rest.length; i++) {
          rest[i] = problem.cells()[i] != k;
        }
        out.add(rest);
      }
    }
    return out;
  }
}
