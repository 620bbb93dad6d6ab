package org.trustml.bench.fairness;

import org.trustml.fairness.data.FairProblem;
import org.trustml.fairness.reductions.Baseline;
import org.trustml.fairness.reductions.BaselineFit;
import org.trustml.fairness.reductions.ParityConstraint;

/**
 * The logistic-regression family of baselines through the service's own {@link BaselineFit} (as the
 * {@code fairness.baselines} job runs them): plain LR, Reweighing + LR, ThresholdOptimizer(EO) on LR scores and the
 * exponentiated-gradient reduction with LR. Every fairness-aware baseline protects the intersectional cells (the
 * Cartesian product of all protected attributes), the strictest grouping the benchmark measures; randomized
 * classifiers are evaluated on seeded randomized decisions, as Fairlearn predicts by default.
 */
public final class Baselines {

  private final FairProblem train;
  private final FairProblem test;
  private final long seed;
  private final int egIterations;

  /**
   * @param train the training part
   * @param test a test part whose cells are indexed as the training part's (a subset, or loaded aligned to it)
   * @param egIterations EG's iteration cap (Fairlearn's 50; fewer for a smoke run)
   */
  public Baselines(FairProblem train, FairProblem test, long seed, int egIterations) {
    this.train = train;
    this.test = test;
    this.seed = seed;
    this.egIterations = egIterations;
  }

  public Outcome logisticRegression() {
    return run(Baseline.LR, 0.01, "LR");
  }

  public Outcome reweighing() {
    return run(Baseline.REWEIGHING, 0.01, "Reweighing + LR");
  }

  public Outcome thresholdOptimizer() {
    return run(Baseline.THRESHOLD_EO, 0.01, "ThresholdOptimizer(EO) on LR");
  }

  /** EG with LR under a difference bound {@code eps} on the cells. */
  public Outcome exponentiatedGradient(ParityConstraint constraint, double eps, String name) {
    return run(constraint == ParityConstraint.DEMOGRAPHIC_PARITY ? Baseline.EG_DP : Baseline.EG_EO, eps, name);
  }

  private Outcome run(Baseline method, double eps, String name) {
    BaselineFit.Fitted f = BaselineFit.fit(method, train, train.cells(), test, test.cells(),
        new BaselineFit.Options(eps, egIterations), seed, () -> { });
    return new Outcome(name, Metrics.of(f.predictions(), test), null, f.trainSeconds());
  }
}
