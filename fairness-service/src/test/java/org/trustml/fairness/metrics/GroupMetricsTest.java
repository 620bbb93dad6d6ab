package org.trustml.fairness.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.trustml.fairness.metrics.Fixtures.bits;
import static org.trustml.fairness.metrics.Fixtures.chars;

import org.junit.jupiter.api.Test;

/** Undefined rates are NaN with a reason, groups below support have no rates, and neither enters a gap. */
class GroupMetricsTest {

  @Test
  void undefinedRatesAreNaNNotZero() {
    // group N has no positives and predicts nothing: TPR, precision, balanced accuracy undefined
    Predictions p = Predictions.of(bits("0000" + "0110"), bits("0000" + "0101"));
    ProtectedAttributes a = ProtectedAttributes.of("g", chars("NNNNPPPP"));
    MarginalView v = new FairnessMetrics(Fixtures.plain()).marginal(p, a, "g");
    GroupMetrics n = v.frame().group("N");
    assertThat(n.tpr()).isNaN();
    assertThat(n.precision()).isNaN();
    assertThat(n.balancedAccuracy()).isNaN();
    assertThat(n.fpr()).isZero();
    assertThat(n.selectionRate()).isZero();
    assertThat(n.undefined()).containsOnlyKeys("tpr", "precision", "balanced_accuracy");
    assertThat(n.undefined().get("tpr")).contains("no positives");
    assertThat(n.flags()).containsExactly(GroupMetrics.FLAG_UNDEFINED_RATE);
    // equal opportunity can compare only P: no gap, flagged, N named as excluded
    Gap eo = v.gaps(Criterion.EQUAL_OPPORTUNITY).differenceBetweenGroups();
    assertThat(eo.value()).isNaN();
    assertThat(eo.excludedGroups()).containsExactly("N");
    assertThat(eo.flags()).containsExactly(Gap.FLAG_GROUPS_EXCLUDED, Gap.FLAG_FEWER_THAN_TWO_GROUPS);
    // demographic parity is unaffected: 0 vs 1/2
    assertThat(v.gaps(Criterion.DEMOGRAPHIC_PARITY).differenceBetweenGroups().value()).isEqualTo(0.5);
    // equalized odds has an undefined component, so it is undefined, not the FPR gap alone
    assertThat(v.gaps(Criterion.EQUALIZED_ODDS_WORST_CASE).differenceBetweenGroups().value()).isNaN();
  }

  @Test
  void groupsBelowSupportKeepCountsButLoseRatesAndGaps() {
    // A: 40 rows, B: 40 rows, C: 5 rows; C selects everyone, which would dominate every gap
    StringBuilder g = new StringBuilder();
    StringBuilder y = new StringBuilder();
    StringBuilder yHat = new StringBuilder();
    for (int i = 0; i < 40; i++) {
      g.append('A');
      y.append(i % 2);
      yHat.append(i % 4 == 0 ? 1 : 0);
    }
    for (int i = 0; i < 40; i++) {
      g.append('B');
      y.append(i % 2);
      yHat.append(i % 2 == 0 ? 1 : 0);
    }
    for (int i = 0; i < 5; i++) {
      g.append('C');
      y.append(i % 2);
      yHat.append(1);
    }
    Predictions p = Predictions.of(bits(y.toString()), bits(yHat.toString()));
    ProtectedAttributes a = ProtectedAttributes.of("g", chars(g.toString()));
    MarginalView v = new FairnessMetrics(MetricsOptions.defaults().withBootstrap(0, .95, 1))
        .marginal(p, a, "g"); // default minimum support 30
    GroupMetrics c = v.frame().group("C");
    assertThat(c.supported()).isFalse();
    assertThat(c.n()).isEqualTo(5);
    assertThat(c.tp() + c.fp()).isEqualTo(5);
    assertThat(c.selectionRate()).isNaN();
    assertThat(c.flags()).containsExactly(GroupMetrics.FLAG_INSUFFICIENT_SUPPORT);
    assertThat(c.undefined().get("selection_rate")).contains("below the minimum support 30");
    Gap dp = v.gaps(Criterion.DEMOGRAPHIC_PARITY).differenceBetweenGroups();
    assertThat(dp.value()).isCloseTo(0.25, within(1e-12)); // B .5 − A .25, C left out
    assertThat(dp.excludedGroups()).containsExactly("C");
    assertThat(dp.flags()).containsExactly(Gap.FLAG_GROUPS_EXCLUDED);
    // the overall still counts C's rows (as Fairlearn's overall does)
    assertThat(v.frame().overall().selectionRate()).isCloseTo((10 + 20 + 5) / 85.0, within(1e-12));
  }

  @Test
  void aucFromRanksWithTies() {
    // scikit-learn's roc_auc_score example: 0.75
    Predictions p = Predictions.of(bits("0011"), bits("0011"), new double[] {0.1, 0.4, 0.35, 0.8});
    ProtectedAttributes a = ProtectedAttributes.of("g", chars("AAAB"));
    MetricFrame f = MetricFrame.of(Grouping.byAttribute(a, "g"), p, 1);
    assertThat(f.overall().auc()).isCloseTo(0.75, within(1e-12));
    assertThat(f.overall().meanScore()).isCloseTo(1.65 / 4, within(1e-12));
    assertThat(f.group("B").auc()).isNaN(); // one row, one class
    assertThat(f.group("B").undefined()).containsKey("auc");
    // all scores tied: 0.5
    Predictions tied = Predictions.of(bits("0101"), bits("0101"), new double[] {.3, .3, .3, .3});
    assertThat(MetricFrame.of(Grouping.byAttribute(a, "g"), tied, 1).overall().auc()).isEqualTo(0.5);
    // without scores both are NaN and nothing is flagged for them
    MetricFrame none = MetricFrame.of(Grouping.byAttribute(a, "g"), Predictions.of(bits("0101"), bits("0101")), 1);
    assertThat(none.overall().auc()).isNaN();
    assertThat(none.overall().undefined()).isEmpty();
  }

  @Test
  void ratiosOfZeroAreUndefined() {
    // nobody is selected anywhere: the groups are equal, but min/max = 0/0 says nothing
    Predictions p = Predictions.of(bits("0101"), bits("0000"));
    ProtectedAttributes a = ProtectedAttributes.of("g", chars("AABB"));
    MarginalView v = new FairnessMetrics(Fixtures.plain()).marginal(p, a, "g");
    CriterionGaps dp = v.gaps(Criterion.DEMOGRAPHIC_PARITY);
    assertThat(dp.differenceBetweenGroups().value()).isZero();
    assertThat(dp.ratioBetweenGroups().value()).isNaN();
    assertThat(dp.ratioBetweenGroups().flags()).containsExactly(Gap.FLAG_UNDEFINED);
    assertThat(dp.ratioToOverall().value()).isNaN();
  }
}
