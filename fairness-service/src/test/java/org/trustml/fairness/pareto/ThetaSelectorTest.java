package org.trustml.fairness.pareto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.trustml.core.web.ProblemException;

/** The design note's golden example (θ = 1 … 4, row 4 dominated by row 1), computed by hand there. */
class ThetaSelectorTest {

  private static final CandidateTable GOLDEN = new CandidateTable(List.of("a", "b", "c"), new double[][] {
      {0.20, 0.10, 0.30}, {0.18, 0.12, 0.25}, {0.25, 0.05, 0.10}, {0.22, 0.15, 0.35}});

  @Test
  void theDominatedRowLeavesTheFrontAndPseudoWeightsMatchTheNote() {
    int[] front = ParetoFront.nonDominated(GOLDEN.values());
    assertThat(front).containsExactly(0, 1, 2);
    double[][] w = PseudoWeights.of(new double[][] {GOLDEN.values()[0], GOLDEN.values()[1], GOLDEN.values()[2]});
    assertThat(w[0]).containsExactly(new double[] {0.714286, 0.285714, 0}, within(1e-6));
    assertThat(w[1]).containsExactly(new double[] {0.8, 0, 0.2}, within(1e-6));
    assertThat(w[2]).containsExactly(new double[] {0, 0.5, 0.5}, within(1e-6));
  }

  @Test
  void withoutPreferenceTheNoteChoosesThetaThree() {
    Selection s = ThetaSelector.byPreference(GOLDEN, List.of("a", "b", "c"), null);
    assertThat(s.theta()).isEqualTo(3);
    assertThat(s.front()).containsExactly(1, 2, 3);
    assertThat(s.weights()).containsExactly(new double[] {0, 0.5, 0.5}, within(1e-12));
  }

  @Test
  void withThePreferenceOfTheNoteItChoosesThetaTwo() {
    Selection s = ThetaSelector.byPreference(GOLDEN, List.of("a", "b", "c"), new double[] {0.7, 0.1, 0.2});
    assertThat(s.theta()).isEqualTo(2);
  }

  @Test
  void weaklyDominatedCandidatesSurvive() {
    // row 1 equals row 0 in the first objective: not strictly worse in every objective
    int[] front = ParetoFront.nonDominated(new double[][] {{0.1, 0.1}, {0.1, 0.2}, {0.2, 0.3}});
    assertThat(front).containsExactly(0, 1);
  }

  @Test
  void aConstraintQueryTakesTheBestCandidateThatMeetsEveryBound() {
    Selection s = ThetaSelector.byConstraint(GOLDEN, List.of(new Bound("c", 0.30)), "a", List.of("a", "b", "c"));
    assertThat(s.theta()).isEqualTo(2);
    Selection strict = ThetaSelector.byConstraint(GOLDEN, List.of(new Bound("c", 0.2)), "a", List.of("a", "c"));
    assertThat(strict.theta()).isEqualTo(3);
  }

  @Test
  void anUnsatisfiableConstraintSaysWhatCanBeReached() {
    assertThatThrownBy(() -> ThetaSelector.byConstraint(GOLDEN, List.of(new Bound("c", 0.05)), "a", List.of("a")))
        .isInstanceOf(ProblemException.class).hasMessageContaining("c ≥ 0.1");
  }

  @Test
  void anUnknownObjectiveIsABadRequestNamingIt() {
    assertThatThrownBy(() -> ThetaSelector.byPreference(GOLDEN, List.of("a", "eo:cells"), null))
        .isInstanceOf(ProblemException.class).hasMessageContaining("eo:cells");
  }
}
