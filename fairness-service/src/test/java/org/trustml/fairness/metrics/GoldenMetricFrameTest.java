package org.trustml.fairness.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.trustml.fairness.metrics.Fixtures.bits;
import static org.trustml.fairness.metrics.Fixtures.chars;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * The design note's MetricFrame golden case (§10): Fairlearn's exponentiated-gradient test data, y_pred = X1,
 * sensitive feature A. Every number of the note, to 1e-6; the note rounds to six decimals, so the exact fractions
 * are asserted as well where they are short.
 */
class GoldenMetricFrameTest {

  private static final Offset<Double> E = within(1e-6);
  private static final String A = "AAAAAAABBBBBBBCCCCCC";
  private static final String Y = "01101000010111001111";
  private static final String X1 = "01101010111101001011";

  private final Predictions p = Predictions.of(bits(Y), bits(X1));
  private final ProtectedAttributes a = ProtectedAttributes.of("A", chars(A));
  private final MarginalView view = new FairnessMetrics(Fixtures.plain()).marginal(p, a, "A");

  private GroupMetrics g(String label) {
    return view.frame().group(label);
  }

  private Gap gap(Criterion c, GapMethod m) {
    return view.gaps(c).get(m);
  }

  @Test
  void groupSizes() {
    assertThat(view.frame().groups()).extracting(GroupMetrics::group).containsExactly("A", "B", "C");
    assertThat(view.frame().groups()).extracting(GroupMetrics::n).containsExactly(7L, 7L, 6L);
    assertThat(view.frame().overall().n()).isEqualTo(20);
  }

  @Test
  void selectionRate() {
    assertThat(g("A").selectionRate()).isCloseTo(.571429, E).isEqualTo(4.0 / 7);
    assertThat(g("B").selectionRate()).isCloseTo(.714286, E).isEqualTo(5.0 / 7);
    assertThat(g("C").selectionRate()).isCloseTo(.5, E);
    assertThat(view.frame().overall().selectionRate()).isCloseTo(.6, E);
  }

  @Test
  void truePositiveRate() {
    assertThat(g("A").tpr()).isCloseTo(1.0, E);
    assertThat(g("B").tpr()).isCloseTo(.75, E);
    assertThat(g("C").tpr()).isCloseTo(.75, E);
    assertThat(view.frame().overall().tpr()).isCloseTo(.818182, E).isEqualTo(9.0 / 11);
  }

  @Test
  void falsePositiveRate() {
    assertThat(g("A").fpr()).isCloseTo(.25, E);
    assertThat(g("B").fpr()).isCloseTo(.666667, E).isEqualTo(2.0 / 3);
    assertThat(g("C").fpr()).isCloseTo(0.0, E);
    assertThat(view.frame().overall().fpr()).isCloseTo(.333333, E).isEqualTo(3.0 / 9);
  }

  @Test
  void accuracy() {
    assertThat(g("A").accuracy()).isCloseTo(.857143, E).isEqualTo(6.0 / 7);
    assertThat(g("B").accuracy()).isCloseTo(.571429, E).isEqualTo(4.0 / 7);
    assertThat(g("C").accuracy()).isCloseTo(.833333, E).isEqualTo(5.0 / 6);
    assertThat(view.frame().overall().accuracy()).isCloseTo(.75, E);
  }

  @Test
  void demographicParity() {
    assertThat(gap(Criterion.DEMOGRAPHIC_PARITY, GapMethod.DIFFERENCE_BETWEEN_GROUPS).value()).isCloseTo(.214286, E);
    assertThat(gap(Criterion.DEMOGRAPHIC_PARITY, GapMethod.DIFFERENCE_TO_OVERALL).value()).isCloseTo(.114286, E);
    assertThat(gap(Criterion.DEMOGRAPHIC_PARITY, GapMethod.RATIO_BETWEEN_GROUPS).value()).isCloseTo(.7, E);
    assertThat(gap(Criterion.DEMOGRAPHIC_PARITY, GapMethod.RATIO_TO_OVERALL).value()).isCloseTo(.833333, E);
    // the groups behind the numbers: B selects most, C least; B is farthest from overall (.714 vs .6),
    // C has the smallest ratio to overall (.5/.6 < .6/.714)
    assertThat(gap(Criterion.DEMOGRAPHIC_PARITY, GapMethod.DIFFERENCE_BETWEEN_GROUPS).groups())
        .containsExactly("B", "C");
    assertThat(gap(Criterion.DEMOGRAPHIC_PARITY, GapMethod.DIFFERENCE_TO_OVERALL).groups()).containsExactly("B");
    assertThat(gap(Criterion.DEMOGRAPHIC_PARITY, GapMethod.RATIO_TO_OVERALL).groups()).containsExactly("C");
  }

  @Test
  void equalOpportunity() {
    assertThat(gap(Criterion.EQUAL_OPPORTUNITY, GapMethod.DIFFERENCE_BETWEEN_GROUPS).value()).isCloseTo(.25, E);
    assertThat(gap(Criterion.EQUAL_OPPORTUNITY, GapMethod.DIFFERENCE_TO_OVERALL).value()).isCloseTo(.181818, E);
  }

  @Test
  void equalizedOdds() {
    assertThat(gap(Criterion.EQUALIZED_ODDS_WORST_CASE, GapMethod.DIFFERENCE_BETWEEN_GROUPS).value())
        .isCloseTo(.666667, E);
    assertThat(gap(Criterion.EQUALIZED_ODDS_WORST_CASE, GapMethod.DIFFERENCE_BETWEEN_GROUPS).metric())
        .isEqualTo("fpr");
    assertThat(gap(Criterion.EQUALIZED_ODDS_MEAN, GapMethod.DIFFERENCE_BETWEEN_GROUPS).value())
        .isCloseTo(.458333, E);
    // C has FPR 0, so the FPR ratio and with it the worst case are 0
    assertThat(gap(Criterion.EQUALIZED_ODDS_WORST_CASE, GapMethod.RATIO_BETWEEN_GROUPS).value())
        .isCloseTo(0.0, E);
  }

  @Test
  void derivedFromTheSameDefinitionsNotInTheNote() {
    // FPR parity: .6667 − 0; to overall max(|.25−1/3|, |2/3−1/3|, |0−1/3|) = 1/3
    assertThat(gap(Criterion.FPR_PARITY, GapMethod.DIFFERENCE_BETWEEN_GROUPS).value()).isCloseTo(2.0 / 3, E);
    assertThat(gap(Criterion.FPR_PARITY, GapMethod.DIFFERENCE_TO_OVERALL).value()).isCloseTo(1.0 / 3, E);
    // equal opportunity ratio .75/1; equalized-odds mean ratio (.75 + 0)/2
    assertThat(gap(Criterion.EQUAL_OPPORTUNITY, GapMethod.RATIO_BETWEEN_GROUPS).value()).isCloseTo(.75, E);
    assertThat(gap(Criterion.EQUALIZED_ODDS_MEAN, GapMethod.RATIO_BETWEEN_GROUPS).value()).isCloseTo(.375, E);
    // accuracy parity 6/7 − 4/7
    assertThat(gap(Criterion.ACCURACY_PARITY, GapMethod.DIFFERENCE_BETWEEN_GROUPS).value()).isCloseTo(2.0 / 7, E);
    assertThat(view.gaps(Criterion.DEMOGRAPHIC_PARITY).differenceBetweenGroups().flags()).isEmpty();
  }

  @Test
  void fullReportAgreesWithTheMarginalView() {
    FairnessReport r = new FairnessMetrics(Fixtures.plain()).evaluate(p, a);
    assertThat(r.marginal("A").gaps(Criterion.DEMOGRAPHIC_PARITY).differenceBetweenGroups().value())
        .isCloseTo(.214286, E);
    // with one attribute the intersectional cells are the marginal groups
    assertThat(r.intersectional().gaps(Criterion.EQUALIZED_ODDS_MEAN).differenceBetweenGroups().value())
        .isCloseTo(.458333, E);
    // MMM on one three-valued attribute: max(|ΔTPR| = .25, |ΔTNR| = |ΔFPR| = .666667)
    assertThat(r.mmm().value()).isCloseTo(.666667, E);
    assertThat(r.mmm().drivingAttribute()).isEqualTo("A");
    assertThat(r.overall().selectionRate()).isCloseTo(.6, E);
  }
}
