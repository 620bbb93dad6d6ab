package org.trustml.fhe.ckks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Ciphertext-by-constant sums and constant additions against the same arithmetic on doubles. */
class ConstantArithmeticTest {

  private static final Keys KEYS = new Keys(TestParameters.threeLevels(), new int[0]);

  @Test
  void integerWeightedSumMatchesDoublesAndMultipliesTheScale() {
    Random random = new Random(5);
    int slots = KEYS.params.slots();
    int count = 5;
    double[][] values = new double[count][slots];
    Ciphertext[] inputs = new Ciphertext[count];
    for (int j = 0; j < count; j++) {
      for (int b = 0; b < slots; b++) {
        values[j][b] = 4 * random.nextDouble() - 2;
      }
      inputs[j] = KEYS.encrypt(values[j]);
    }
    long[] factors = {3, -7, 0, 1 << 20, -(1L << 30)};
    double factorScale = Math.scalb(1.0, 20);
    Ciphertext sum = KEYS.evaluator.multiplyIntegersAndSum(inputs, factors, factorScale);
    assertThat(sum.scale()).isEqualTo(inputs[0].scale() * factorScale);
    assertThat(sum.level()).isEqualTo(inputs[0].level());
    double[] expected = new double[slots];
    for (int b = 0; b < slots; b++) {
      for (int j = 0; j < count; j++) {
        expected[b] += factors[j] / factorScale * values[j][b];
      }
    }
    // the 2^30 / 2^20 factor amplifies the input's encryption noise (about 2^-23 at worst here) 2^10 times,
    // leaving about 13 bits; the margin keeps the check independent of the encryption's randomness
    assertThat(Keys.precisionBits(KEYS.decrypt(sum), expected)).isGreaterThan(9);
    // the inference pattern: weights rounded at exactly the last prime, so a rescale restores the scale
    double q = KEYS.params.modulus(inputs[0].level()).value();
    double[] w = {0.75, -0.3};
    Ciphertext rescaled = KEYS.evaluator.rescale(KEYS.evaluator.multiplyIntegersAndSum(
        new Ciphertext[] {inputs[0], inputs[1]}, new long[] {Math.round(w[0] * q), Math.round(w[1] * q)}, q));
    assertThat(rescaled.scale()).isEqualTo(inputs[0].scale() * q / q);
    double[] small = new double[slots];
    for (int b = 0; b < slots; b++) {
      small[b] = w[0] * values[0][b] + w[1] * values[1][b];
    }
    assertThat(Keys.precisionBits(KEYS.decrypt(rescaled), small)).isGreaterThan(20);
  }

  @Test
  void constantIsAddedToEverySlotAtTheCiphertextsScale() {
    double[] values = new double[KEYS.params.slots()];
    for (int b = 0; b < values.length; b++) {
      values[b] = Math.sin(b);
    }
    Ciphertext sum = KEYS.evaluator.addConstant(KEYS.encrypt(values), -1.25);
    double[] expected = values.clone();
    for (int b = 0; b < expected.length; b++) {
      expected[b] -= 1.25;
    }
    // fresh public-key encryptions at 2^40 carry about 23 bits
    assertThat(Keys.precisionBits(KEYS.decrypt(sum), expected)).isGreaterThan(20);
  }

  @Test
  void mismatchedLevelsOrCountsAreRefused() {
    Ciphertext a = KEYS.encrypt(new double[] {1});
    Ciphertext lower = KEYS.evaluator.dropToLevel(a, a.level() - 1);
    assertThatThrownBy(() -> KEYS.evaluator.multiplyIntegersAndSum(new Ciphertext[] {a, lower}, new long[] {1, 1}, 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("level mismatch");
    assertThatThrownBy(() -> KEYS.evaluator.multiplyIntegersAndSum(new Ciphertext[] {a}, new long[] {1, 2}, 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("one factor per input");
    assertThatThrownBy(() -> KEYS.evaluator.addConstant(a, 1e30))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("62 bits");
  }
}
