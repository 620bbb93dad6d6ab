package org.trustml.fairness.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Percentile intervals: seeded determinism, the quantile rule, and honest flags when resamples lose groups. */
class BootstrapTest {

  private final Generated d = Generated.of(3000, 0.4, 21);
  private final Predictions p = Predictions.of(d.y, d.randomPredictions(0.3, 22));

  private FairnessReport run(long seed) {
    return new FairnessMetrics(MetricsOptions.defaults().withBootstrap(100, .95, seed)
        .withNonProtected(Map.of("sex", "M"))).evaluate(p, d.attributes());
  }

  @Test
  void theSameSeedGivesTheSameIntervalsAnotherSeedOthers() {
    FairnessReport a = run(99);
    FairnessReport b = run(99);
    FairnessReport c = run(100);
    assertThat(b).isEqualTo(a); // records compare doubles by value, NaN included
    Gap ga = a.marginal("race").gaps(Criterion.DEMOGRAPHIC_PARITY).differenceBetweenGroups();
    Gap gc = c.marginal("race").gaps(Criterion.DEMOGRAPHIC_PARITY).differenceBetweenGroups();
    assertThat(gc.value()).isEqualTo(ga.value());
    assertThat(gc.ci()).isNotEqualTo(ga.ci());
    assertThat(ga.ci().lower()).isLessThanOrEqualTo(ga.ci().upper());
    assertThat(ga.ci().resamples()).isEqualTo(100);
    assertThat(ga.ci().level()).isEqualTo(0.95);
    assertThat(a.mmm().ci()).isEqualTo(b.mmm().ci());
  }

  @Test
  void quantilesInterpolateLinearlyBetweenOrderStatistics() {
    double[] sorted = {1, 2, 3, 4, 5};
    assertThat(Bootstrap.quantile(sorted, 0.0)).isEqualTo(1);
    assertThat(Bootstrap.quantile(sorted, 0.5)).isEqualTo(3);
    assertThat(Bootstrap.quantile(sorted, 0.1)).isCloseTo(1.4, within(1e-12));
    assertThat(Bootstrap.quantile(sorted, 1.0)).isEqualTo(5);
    double[] values = new double[101];
    for (int i = 0; i <= 100; i++) {
      values[i] = 100 - i;
    }
    ConfidenceInterval ci = new Bootstrap(101, 0.9, 1).interval(values);
    assertThat(ci.lower()).isCloseTo(5, within(1e-12));
    assertThat(ci.upper()).isCloseTo(95, within(1e-12));
    assertThat(ci.undefinedResamples()).isZero();
  }

  @Test
  void undefinedResamplesBeyondTheTailMassVoidTheInterval() {
    Bootstrap b = new Bootstrap(100, 0.95, 1);
    double[] values = new double[100];
    for (int i = 0; i < 100; i++) {
      values[i] = i < 2 ? Double.NaN : i;
    }
    ConfidenceInterval partial = b.interval(values); // 2 undefined ≤ 2.5 % tail
    assertThat(partial.defined()).isTrue();
    assertThat(partial.undefinedResamples()).isEqualTo(2);
    values[2] = Double.NaN; // 3 > 2.5
    assertThat(b.interval(values).defined()).isFalse();
    assertThat(new Bootstrap(0, 0.95, 1).interval(values)).isNull();
  }

  @Test
  void aTinyGroupVoidsTheIntervalOfItsGapNotTheNumberOnly() {
    // 58 rows in A and B, 2 rows in C: a resample loses C about e^−2 ≈ 13.5 % of the time, beyond the 2.5 % tail
    int n = 60;
    int[] y = new int[n];
    int[] yHat = new int[n];
    String[] g = new String[n];
    for (int i = 0; i < n; i++) {
      g[i] = i < 29 ? "A" : i < 58 ? "B" : "C";
      y[i] = i % 2;
      yHat[i] = i % 3 == 0 ? 1 : 0;
    }
    MarginalView v = new FairnessMetrics(MetricsOptions.defaults().withMinSupport(1).withBootstrap(400, .95, 4))
        .marginal(Predictions.of(y, yHat), ProtectedAttributes.of("g", g), "g");
    Gap dp = v.gaps(Criterion.DEMOGRAPHIC_PARITY).differenceBetweenGroups();
    assertThat(dp.defined()).isTrue();
    assertThat(dp.ci().defined()).isFalse();
    assertThat(dp.ci().undefinedResamples()).isBetween(20, 100);
    assertThat(dp.flags()).containsExactly(Gap.FLAG_CI_UNDEFINED);
    // with the default support of 30 the tiny group (and here every group) is left out instead
    MarginalView supported = new FairnessMetrics(MetricsOptions.defaults().withBootstrap(100, .95, 4))
        .marginal(Predictions.of(y, yHat), ProtectedAttributes.of("g", g), "g");
    Gap none = supported.gaps(Criterion.DEMOGRAPHIC_PARITY).differenceBetweenGroups();
    assertThat(none.value()).isNaN();
    assertThat(none.flags()).contains(Gap.FLAG_GROUPS_EXCLUDED, Gap.FLAG_FEWER_THAN_TWO_GROUPS,
        Gap.FLAG_CI_UNDEFINED);
  }

  @Test
  void aLargeSampleFinishesQuickly() {
    Generated big = Generated.of(50_000, 0.4, 5);
    Predictions bp = Predictions.of(big.y, big.randomPredictions(0.5, 6));
    long start = System.nanoTime();
    FairnessReport r = new FairnessMetrics(MetricsOptions.defaults().withBootstrap(200, .95, 1))
        .evaluate(bp, big.attributes());
    double seconds = (System.nanoTime() - start) / 1e9;
    assertThat(r.intersectional().gaps(Criterion.DEMOGRAPHIC_PARITY).differenceBetweenGroups().ci().defined())
        .isTrue();
    assertThat(seconds).as("seconds for 50k rows × 200 resamples").isLessThan(5);
  }
}
