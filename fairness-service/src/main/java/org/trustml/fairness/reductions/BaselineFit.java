package org.trustml.fairness.reductions;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.trustml.fairness.data.FairProblem;

/**
 * Fits one {@link Baseline} on a training part and predicts a test part, exactly as the fairness benchmark's
 * baselines do: logistic regression is the learner everywhere, the fairness-aware methods protect the groups given
 * per row (an attribute's values or the intersectional cells), and randomized classifiers (ThresholdOptimizer,
 * exponentiated gradient) are measured on seeded randomized decisions, since their guarantees are about those.
 */
public final class BaselineFit {

  /**
   * Settings shared by the methods.
   *
   * @param eps exponentiated gradient's bound on the constraint violation and its multiplier bound 1/eps (> 0)
   * @param maxIterations exponentiated gradient's iteration cap (≥ 1; Fairlearn's 50)
   */
  public record Options(double eps, int maxIterations) {
    public Options {
      if (!(eps > 0) || maxIterations < 1) {
        throw new IllegalArgumentException("eps must be > 0 and maxIterations >= 1, got " + eps + ", "
            + maxIterations);
      }
    }

    /** Fairlearn's defaults: eps 0.01, 50 iterations. */
    public static Options defaults() {
      return new Options(0.01, 50);
    }
  }

  /**
   * One method's test decisions.
   *
   * @param method the method
   * @param predictions 0/1 per test row
   * @param trainSeconds wall time of fitting (not of predicting)
   * @param details method diagnostics (exponentiated gradient's gap and iterations, fitted group rules)
   */
  public record Fitted(Baseline method, int[] predictions, double trainSeconds, Map<String, Object> details) {}

  private BaselineFit() {}

  /**
   * Fits {@code method} and predicts {@code test}.
   *
   * @param trainGroups group code per training row (not modified)
   * @param testGroups group code per test row, in the same code space; a code absent from training falls back to
   *     logistic regression's own decision under ThresholdOptimizer (not modified)
   * @param seed the randomized decisions' generator seed
   * @param checkpoint run before every learner fit (cancellation); may throw to stop
   */
  public static Fitted fit(Baseline method, FairProblem train, int[] trainGroups, FairProblem test, int[] testGroups,
      Options options, long seed, Runnable checkpoint) {
    if (trainGroups.length != train.rows() || testGroups.length != test.rows()) {
      throw new IllegalArgumentException("one group code per row is required");
    }
    WeightedLogisticRegression lr = new WeightedLogisticRegression();
    WeightedLearner learner = (rows, width, labels, weights) -> {
      checkpoint.run();
      return lr.fit(rows, width, labels, weights);
    };
    long start = System.nanoTime();
    Map<String, Object> details = new LinkedHashMap<>();
    switch (method) {
      case LR: {
        Classifier c = learner.fit(train.features(), train.width(), train.labels(), ones(train.rows()));
        double seconds = seconds(start);
        return new Fitted(method, c.predictAll(test.features(), test.width()), seconds, details);
      }
      case REWEIGHING: {
        Classifier c = learner.fit(train.features(), train.width(), train.labels(),
            Reweighing.weights(train.labels(), trainGroups));
        double seconds = seconds(start);
        return new Fitted(method, c.predictAll(test.features(), test.width()), seconds, details);
      }
      case THRESHOLD_EO:
        return thresholdOptimizer(train, trainGroups, test, testGroups, learner, seed, start);
      case EG_DP:
      case EG_EO: {
        ParityConstraint constraint = method == Baseline.EG_DP ? ParityConstraint.DEMOGRAPHIC_PARITY
            : ParityConstraint.EQUALIZED_ODDS;
        ExponentiatedGradient eg = new ExponentiatedGradient(learner, constraint,
            ParityBound.difference(options.eps()),
            new ExponentiatedGradient.Options(options.eps(), options.maxIterations(), Double.NaN, 2.0, true, 1, 1));
        ExponentiatedGradientResult r = eg.fit(train.features(), train.width(), train.labels(), trainGroups);
        double seconds = seconds(start);
        details.put("bestGap", r.bestGap());
        details.put("iterations", r.lastIter() + 1);
        details.put("bestIteration", r.bestIter());
        details.put("oracleCalls", r.oracleCalls());
        details.put("predictors", r.predictorCount());
        details.put("nu", r.nu());
        return new Fitted(method, r.classifier().sampleAll(test.features(), test.width(), seed), seconds, details);
      }
      default:
        throw new IllegalArgumentException("no fit for " + method);
    }
  }

  private static Fitted thresholdOptimizer(FairProblem train, int[] trainGroups, FairProblem test, int[] testGroups,
      WeightedLearner learner, long seed, long start) {
    Classifier lr = learner.fit(train.features(), train.width(), train.labels(), ones(train.rows()));
    double[] trainScores = lr.scoreAll(train.features(), train.width());
    ThresholdClassifier rule = new ThresholdOptimizer(ThresholdConstraint.EQUALIZED_ODDS, ThresholdObjective.ACCURACY)
        .fit(trainScores, trainGroups, train.labels());
    double seconds = seconds(start);
    double[] testScores = lr.scoreAll(test.features(), test.width());
    int n = testScores.length;
    int[] predictions = new int[n];
    int[] rows = new int[n];
    int[] known = new int[n];
    int m = 0;
    Map<Integer, GroupThresholds> rules = rule.groups();
    for (int i = 0; i < n; i++) {
      if (rules.containsKey(testGroups[i])) {
        rows[m] = i;
        known[m++] = testGroups[i];
      } else {
        // a group absent from training has no fitted rule: LR's own decision
        predictions[i] = testScores[i] >= 0.5 ? 1 : 0;
      }
    }
    double[] scores = new double[m];
    for (int r = 0; r < m; r++) {
      scores[r] = testScores[rows[r]];
    }
    int[] sampled = rule.sample(scores, Arrays.copyOf(known, m), seed);
    for (int r = 0; r < m; r++) {
      predictions[rows[r]] = sampled[r];
    }
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("groupsWithRules", rules.size());
    details.put("testRowsWithoutRule", n - m);
    return new Fitted(Baseline.THRESHOLD_EO, predictions, seconds, details);
  }

  private static double[] ones(int n) {
    double[] w = new double[n];
    Arrays.fill(w, 1.0);
    return w;
  }

  private static double seconds(long start) {
    return (System.nanoTime() - start) / 1e9;
  }
}
