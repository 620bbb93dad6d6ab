package org.trustml.bench.fairness;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.trustml.fairness.data.FairProblem;
import org.trustml.fairness.reductions.Classifier;
import org.trustml.fairness.reductions.ExponentiatedGradient;
import org.trustml.fairness.reductions.ParityBound;
import org.trustml.fairness.reductions.ParityConstraint;
import org.trustml.fairness.reductions.RandomizedClassifier;
import org.trustml.fairness.reductions.Reweighing;
import org.trustml.fairness.reductions.ThresholdClassifier;
import org.trustml.fairness.reductions.ThresholdConstraint;
import org.trustml.fairness.reductions.ThresholdObjective;
import org.trustml.fairness.reductions.ThresholdOptimizer;
import org.trustml.fairness.reductions.WeightedLogisticRegression;

/**
 * The logistic-regression family of baselines: plain LR, Reweighing + LR, ThresholdOptimizer(EO) on LR scores and
 * the exponentiated-gradient reduction with LR. Every fairness-aware baseline protects the intersectional cells (the
 * Cartesian product of all protected attributes), the strictest grouping the benchmark measures. Randomized
 * classifiers (EG, ThresholdOptimizer) are evaluated on seeded randomized decisions, as Fairlearn predicts by
 * default, since their guarantees are about those.
 */
public final class Baselines {

  private final FairProblem train;
  private final FairProblem test;
  private final long seed;
  private final int egIterations;

  /**
   * @param egIterations EG's iteration cap (Fairlearn's 50; fewer for a smoke run)
   */
  public Baselines(FairProblem train, FairProblem test, long seed, int egIterations) {
    this.train = train;
    this.test = test;
    this.seed = seed;
    this.egIterations = egIterations;
  }

  public Outcome logisticRegression() {
    long start = System.nanoTime();
    Classifier lr = fitLr(unitWeights());
    return outcome("LR", lr, start);
  }

  public Outcome reweighing() {
    long start = System.nanoTime();
    Classifier lr = fitLr(Reweighing.weights(train.labels(), train.cells()));
    return outcome("Reweighing + LR", lr, start);
  }

  public Outcome thresholdOptimizer() {
    long start = System.nanoTime();
    Classifier lr = fitLr(unitWeights());
    double[] trainScores = lr.scoreAll(train.features(), train.width());
    ThresholdClassifier rule = new ThresholdOptimizer(ThresholdConstraint.EQUALIZED_ODDS, ThresholdObjective.ACCURACY)
        .fit(trainScores, train.cells(), train.labels());
    double seconds = (System.nanoTime() - start) / 1e9;
    double[] testScores = lr.scoreAll(test.features(), test.width());
    int[] predictions = new int[testScores.length];
    int[] known = new int[testScores.length];
    int[] rows = new int[testScores.length];
    int m = 0;
    for (int i = 0; i < predictions.length; i++) {
      if (rule.groups().containsKey(test.cells()[i])) {
        rows[m] = i;
        known[m++] = test.cells()[i];
      } else {
        // a cell absent from training has no fitted rule: LR's own decision
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
    return new Outcome("ThresholdOptimizer(EO) on LR", Metrics.of(predictions, test), null, seconds);
  }

  /** EG with LR under a difference bound {@code eps} on the cells. */
  public Outcome exponentiatedGradient(ParityConstraint constraint, double eps, String name) {
    long start = System.nanoTime();
    ExponentiatedGradient eg = new ExponentiatedGradient(new WeightedLogisticRegression(), constraint,
        ParityBound.difference(eps), new ExponentiatedGradient.Options(eps, egIterations, Double.NaN, 2.0, true, 1, 1));
    RandomizedClassifier q = eg.fit(train, train.cells()).classifier();
    double seconds = (System.nanoTime() - start) / 1e9;
    return new Outcome(name, Metrics.of(q.sampleAll(test.features(), test.width(), seed), test), null, seconds);
  }

  /** EG(EO) on the cells for each bound: the reduction's trade-off front. */
  public List<Outcome> exponentiatedGradientFront(double[] bounds) {
    List<Outcome> out = new ArrayList<>();
    for (double eps : bounds) {
      out.add(exponentiatedGradient(ParityConstraint.EQUALIZED_ODDS, eps, "EG(EO) eps=" + eps));
    }
    return out;
  }

  private Classifier fitLr(double[] weights) {
    return new WeightedLogisticRegression().fit(train.features(), train.width(), train.labels(), weights);
  }

  private double[] unitWeights() {
    double[] w = new double[train.rows()];
    Arrays.fill(w, 1.0);
    return w;
  }

  private Outcome outcome(String name, Classifier fitted, long start) {
    double seconds = (System.nanoTime() - start) / 1e9;
    return new Outcome(name, Metrics.of(fitted.predictAll(test.features(), test.width()), test), null, seconds);
  }
}
