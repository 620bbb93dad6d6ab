package org.trustml.fhe.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.trustml.fhe.ckks.CkksParameters;
import org.trustml.fhe.model.DenseLayer;
import org.trustml.fhe.model.PolyNetwork;
import org.trustml.fhe.model.RandomNetworks;
import org.trustml.fhe.model.SquareLayer;

/** Depth, level and scale accounting of the compiled plan, and refusal of networks that do not fit. */
class PlanCompilerTest {

  static final CkksParameters PARAMS = CkksParameters.test();

  @Test
  void denseSquareDenseTakesTwoLevelsAndKeepsTheBookkeeping() {
    PolyNetwork network = RandomNetworks.network(20, 8, 10, 1);
    assertThat(PlanCompiler.depth(network)).isEqualTo(2);
    EvaluationPlan plan = PlanCompiler.compile(network, PlanOptions.defaults());
    assertThat(plan.parameters().n()).isEqualTo(1 << 13); // the smallest engine set with two levels
    assertThat(plan.depth()).isEqualTo(2);
    assertThat(plan.inputLevel()).isEqualTo(2);
    assertThat(plan.outputLevel()).isZero();
    assertThat(plan.inputScale()).isEqualTo(Math.scalb(1.0, 35));
    assertThat(plan.batchSize()).isEqualTo(4096);
    List<PlanStep> steps = plan.steps();
    double q2 = PARAMS.modulus(2).value();
    double q1 = PARAMS.modulus(1).value();
    // dense: weights at exactly q_2, rescaled by q_2: the scale comes back unchanged
    assertThat(steps.get(0).factorScale()).isEqualTo(q2);
    assertThat(steps.get(0).scaleOut()).isEqualTo(Math.scalb(1.0, 35) * q2 / q2);
    assertThat(steps.get(0).levelOut()).isEqualTo(1);
    // square: s^2 / q_1
    assertThat(steps.get(1).scaleOut()).isEqualTo(steps.get(1).scaleIn() * steps.get(1).scaleIn() / q1);
    assertThat(steps.get(1).levelOut()).isZero();
    // last dense: no rescale, weights at 2^k with k = floor(log2(q_0) - 1 - log2(s) - 12) = 16: q_0 lies just
    // below 2^60 and s just above 2^30 (q_1 < 2^40)
    assertThat(steps.get(2).rescales()).isFalse();
    assertThat(steps.get(2).factorScale()).isEqualTo(Math.scalb(1.0, 16));
    assertThat(steps.get(2).headroomBits()).isBetween(0.0, 1.0);
    for (PlanStep s : steps) {
      assertThat(s.headroomBits()).isGreaterThanOrEqualTo(0);
    }
    assertThat(plan.scalarProducts()).isEqualTo(20 * 8 + 8 * 10);
    assertThat(plan.multiplications()).isEqualTo(8);
    assertThat(plan.rescales()).isEqualTo(8 + 8);
    assertThat(plan.operations()).isEqualTo(240 + 2 * 8 + 16 + 8 + 10);
    assertThat(plan.ciphertextBytes(2)).isEqualTo(2L * 3 * 8192 * 8);
    assertThat(plan.report()).contains("depth 2").contains("SQUARE");
  }

  @Test
  void deeperNetworksGetTheLargerParameterSet() {
    assertThat(PlanCompiler.chooseParameters(3).n()).isEqualTo(1 << 14);
    assertThatThrownBy(() -> PlanCompiler.chooseParameters(8)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no bootstrapping");
  }

  @Test
  void tooDeepForTheParametersIsRefused() {
    PolyNetwork base = RandomNetworks.network(4, 4, 4, 2);
    DenseLayer square = (DenseLayer) base.layers().get(0);
    PolyNetwork deeper = new PolyNetwork(4, List.of(square, new SquareLayer(), square, new SquareLayer(),
        base.layers().get(2)), "deeper");
    assertThat(PlanCompiler.depth(deeper)).isEqualTo(4);
    assertThatThrownBy(() -> PlanCompiler.compile(deeper, PARAMS, PlanOptions.defaults()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs depth 4");
  }

  @Test
  void scalesThatOverflowOrVanishAreRefused() {
    PolyNetwork network = RandomNetworks.network(4, 4, 4, 3);
    // inputs at 2^50: the square's 2^100 product leaves no room in Q_1 = 2^100 for values up to 2^12
    assertThatThrownBy(() -> PlanCompiler.compile(network, PARAMS, new PlanOptions(50, 12, 20, 30)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("overflow");
    // inputs at 2^28: the square brings the scale to 2^16, below the minimum 2^20
    assertThatThrownBy(() -> PlanCompiler.compile(network, PARAMS, new PlanOptions(28, 12, 20, 30)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("below the minimum");
    // values up to 2^20 leave the last layer's weights fewer than 12 bits
    assertThatThrownBy(() -> PlanCompiler.compile(network, PARAMS, new PlanOptions(35, 20, 20, 30)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rounded to");
  }

  @Test
  void scaleBookkeepingUsesTheActualPrimes() {
    EvaluationPlan plan = PlanCompiler.compile(RandomNetworks.network(3, 2, 2, 4), PARAMS, PlanOptions.defaults());
    double expected = Math.scalb(1.0, 70) / PARAMS.modulus(1).value() * plan.steps().get(2).factorScale();
    assertThat(plan.outputScale()).isCloseTo(expected, within(expected * 1e-12));
  }
}
