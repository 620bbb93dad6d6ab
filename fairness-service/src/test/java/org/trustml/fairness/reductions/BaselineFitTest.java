package org.trustml.fairness.reductions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.trustml.fairness.data.FairProblem;
import org.trustml.fairness.pareto.CandidateEvaluator;
import org.trustml.fairness.pareto.FairnessObjective;

class BaselineFitTest {

  private static final Runnable NONE = () -> { };

  /**
   * Label 1[x0 + noise > 0]; in the protected group 40% of the positives are recorded as negatives, and x1 is a
   * proxy of the group, so plain LR learns the bias.
   */
  static FairProblem biased(int n, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    int d = 3;
    float[] x = new float[n * d];
    int[] y = new int[n];
    int[] g = new int[n];
    boolean[] np = new boolean[n];
    for (int i = 0; i < n; i++) {
      g[i] = r.nextDouble() < 0.6 ? 1 : 0;
      np[i] = g[i] == 1;
      x[i * d] = (float) r.nextGaussian();
      x[i * d + 1] = (float) (g[i] + 0.4 * r.nextGaussian());
      x[i * d + 2] = (float) r.nextGaussian();
      y[i] = x[i * d] + 0.4 * r.nextGaussian() > 0 ? 1 : 0;
      if (g[i] == 0 && y[i] == 1 && r.nextDouble() < 0.4) {
        y[i] = 0;
      }
    }
    return new FairProblem(List.of("x0", "x1", "x2"), x, y,
        List.of(new FairProblem.Attribute("group", List.of("p", "n"), g, np)), g.clone(),
        List.of("group=n", "group=p"));
  }

  static double eo(int[] predictions, FairProblem p) {
    return CandidateEvaluator.evaluate(predictions, p, FairnessObjective.EO, false, 1).value(0, "eo");
  }

  @Test
  void logisticRegressionIsTheLearnersOwnDecision() {
    FairProblem train = biased(600, 1);
    FairProblem test = biased(300, 2);
    BaselineFit.Fitted fitted = BaselineFit.fit(Baseline.LR, train, train.cells(), test, test.cells(),
        BaselineFit.Options.defaults(), 3, NONE);
    double[] ones = new double[train.rows()];
    java.util.Arrays.fill(ones, 1);
    int[] direct = new WeightedLogisticRegression().fit(train.features(), train.width(), train.labels(), ones)
        .predictAll(test.features(), test.width());
    assertThat(fitted.predictions()).isEqualTo(direct);
    assertThat(fitted.trainSeconds()).isPositive();
  }

  @Test
  void fairnessAwareMethodsNarrowTheEqualizedOddsGapOfLr() {
    FairProblem train = biased(1500, 4);
    FairProblem test = biased(1500, 5);
    double lr = eo(BaselineFit.fit(Baseline.LR, train, train.cells(), test, test.cells(),
        BaselineFit.Options.defaults(), 1, NONE).predictions(), test);
    BaselineFit.Options options = new BaselineFit.Options(0.02, 30);
    for (Baseline method : List.of(Baseline.THRESHOLD_EO, Baseline.EG_EO)) {
      BaselineFit.Fitted fitted = BaselineFit.fit(method, train, train.cells(), test, test.cells(), options, 1, NONE);
      assertThat(eo(fitted.predictions(), test)).as(method.id()).isLessThan(lr - 0.05);
    }
    assertThat(lr).isGreaterThan(0.1);
  }

  @Test
  void randomizedMethodsAreReproducibleForASeedAndReportDiagnostics() {
    FairProblem train = biased(500, 6);
    FairProblem test = biased(400, 7);
    BaselineFit.Options options = new BaselineFit.Options(0.05, 10);
    BaselineFit.Fitted a = BaselineFit.fit(Baseline.EG_DP, train, train.cells(), test, test.cells(), options, 11,
        NONE);
    BaselineFit.Fitted b = BaselineFit.fit(Baseline.EG_DP, train, train.cells(), test, test.cells(), options, 11,
        NONE);
    assertThat(a.predictions()).isEqualTo(b.predictions());
    assertThat((int) a.details().get("iterations")).isBetween(1, 10);
    assertThat(a.details()).containsKeys("bestGap", "oracleCalls", "predictors");
  }

  @Test
  void aTestGroupWithoutAFittedRuleKeepsLrsDecision() {
    FairProblem train = biased(500, 8);
    FairProblem test = biased(200, 9);
    int[] testGroups = test.cells().clone();
    testGroups[0] = 7;
    testGroups[1] = 7;
    BaselineFit.Fitted fitted = BaselineFit.fit(Baseline.THRESHOLD_EO, train, train.cells(), test, testGroups,
        BaselineFit.Options.defaults(), 1, NONE);
    assertThat(fitted.details()).containsEntry("testRowsWithoutRule", 2).containsEntry("groupsWithRules", 2);
    double[] ones = new double[train.rows()];
    java.util.Arrays.fill(ones, 1);
    Classifier lr = new WeightedLogisticRegression().fit(train.features(), train.width(), train.labels(), ones);
    assertThat(fitted.predictions()[0]).isEqualTo(lr.predict(test.features(), 0));
    assertThat(fitted.predictions()[1]).isEqualTo(lr.predict(test.features(), test.width()));
  }

  @Test
  void theCheckpointRunsBeforeEveryLearnerFitAndMayStopTheFit() {
    FairProblem train = biased(300, 10);
    AtomicInteger calls = new AtomicInteger();
    Runnable stopAtThird = () -> {
      if (calls.incrementAndGet() == 3) {
        throw new IllegalStateException("stop");
      }
    };
    assertThatThrownBy(() -> BaselineFit.fit(Baseline.EG_EO, train, train.cells(), train, train.cells(),
        BaselineFit.Options.defaults(), 1, stopAtThird)).hasMessage("stop");
    assertThat(calls.get()).isEqualTo(3);
  }

  @Test
  void methodIdsAreCheckedAndOptionsValidated() {
    assertThat(Baseline.of("eg-eo")).isEqualTo(Baseline.EG_EO);
    assertThatThrownBy(() -> Baseline.of("svm")).hasMessageContaining("svm").hasMessageContaining("threshold-eo");
    assertThatThrownBy(() -> new BaselineFit.Options(0, 10)).hasMessageContaining("eps");
  }
}
