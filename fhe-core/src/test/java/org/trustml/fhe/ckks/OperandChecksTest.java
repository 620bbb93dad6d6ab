package org.trustml.fhe.ckks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Operations on operands that do not fit together are refused with a message that says why. */
class OperandChecksTest {

  private static Keys keys;
  private static Keys otherKeys;

  @BeforeAll
  static void keys() {
    keys = new Keys(TestParameters.threeLevels(), new int[] {1});
    otherKeys = new Keys(TestParameters.small(), new int[] {1});
  }

  private static Ciphertext fresh(Keys k) {
    return k.encrypt(new double[] {0.25, -0.5});
  }

  @Test
  void parametersAboveTheSecurityBoundAreRefused() {
    assertThatThrownBy(() -> new CkksParameters(13, new int[] {60, 40, 40, 40}, 60, 40))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("log2(QP) = 240 exceeds the 128-bit bound 218");
    assertThatThrownBy(() -> new CkksParameters(13, new int[] {40, 40}, 40, 40))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("scale");
  }

  @Test
  void presetsMeetTheStandard() {
    assertThat(CkksParameters.test().logQp()).isEqualTo(200);
    assertThat(CkksParameters.cryptonets().logQp()).isLessThanOrEqualTo(SecurityStandard.maxLogQp128(14));
    assertThat(CkksParameters.cryptonets().maxLevel()).isEqualTo(7);
  }

  @Test
  void operandsFromAnotherParameterSetAreRefused() {
    Ciphertext mine = fresh(keys);
    Ciphertext theirs = fresh(otherKeys);
    assertThatThrownBy(() -> keys.evaluator.add(mine, theirs)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("belongs to parameters");
    assertThatThrownBy(() -> keys.evaluator.multiply(mine, theirs)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("belongs to parameters");
    assertThatThrownBy(() -> keys.decryptor.decrypt(theirs)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("secret key to");
    assertThatThrownBy(() -> keys.evaluator.relinearize(keys.evaluator.multiply(mine, mine),
        otherKeys.relinearizationKey)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("relinearization key belongs to parameters");
  }

  @Test
  void operandsAtDifferentLevelsOrScalesAreRefused() {
    Ciphertext top = fresh(keys);
    Ciphertext lower = keys.evaluator.dropToLevel(fresh(keys), 1);
    assertThatThrownBy(() -> keys.evaluator.add(top, lower)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("level mismatch: 3 vs 1");
    assertThatThrownBy(() -> keys.evaluator.multiply(top, lower)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("level mismatch");
    Ciphertext squared = keys.evaluator.multiply(top, top);
    assertThatThrownBy(() -> keys.evaluator.add(squared, top)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("scale mismatch: 2^80.000000 vs 2^40.000000");
  }

  @Test
  void sizeAndLevelPreconditionsAreEnforced() {
    Ciphertext squared = keys.evaluator.multiply(fresh(keys), fresh(keys));
    assertThatThrownBy(() -> keys.evaluator.multiply(squared, squared)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("relinearize first");
    assertThatThrownBy(() -> keys.evaluator.rotate(squared, 1, keys.galoisKeys))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("relinearize first");
    assertThatThrownBy(() -> keys.evaluator.relinearize(fresh(keys), keys.relinearizationKey))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("size-3");
    Ciphertext bottom = keys.evaluator.dropToLevel(fresh(keys), 0);
    assertThatThrownBy(() -> keys.evaluator.rescale(bottom)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cannot rescale at level 0");
    assertThatThrownBy(() -> keys.evaluator.dropToLevel(bottom, 1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cannot drop from level 0 to level 1");
  }

  @Test
  void rotationsWithoutTheirKeyAreRefused() {
    assertThat(keys.galoisKeys.hasRotation(1)).isTrue();
    assertThat(keys.galoisKeys.hasRotation(2)).isFalse();
    assertThatThrownBy(() -> keys.evaluator.rotate(fresh(keys), 2, keys.galoisKeys))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no Galois key for rotation by 2");
  }

  @Test
  void theSameSeedGivesTheSameKeysAndAnotherSeedOthers() {
    byte[] seed = new byte[32];
    seed[0] = 42;
    KeyGenerator again = new KeyGenerator(keys.params, seed);
    assertThat(again.secretKey().coefficients()).containsExactly(keys.generator.secretKey().coefficients());
    assertThat(again.publicKey().b().limbs).isDeepEqualTo(keys.publicKey.b().limbs);
    assertThat(again.relinearizationKey().b(1).limbs).isDeepEqualTo(keys.relinearizationKey.b(1).limbs);
    seed[31] = 1;
    KeyGenerator other = new KeyGenerator(keys.params, seed);
    assertThat(other.secretKey().coefficients()).isNotEqualTo(keys.generator.secretKey().coefficients());
    assertThat(other.publicKey().seed()).isNotEqualTo(keys.publicKey.seed());
  }

  @Test
  void theSecretIsTernaryAndBalanced() {
    long[] s = keys.generator.secretKey().coefficients();
    int[] counts = new int[3];
    for (long v : s) {
      counts[(int) v + 1]++;
    }
    assertThat(counts[0] + counts[1] + counts[2]).isEqualTo(s.length);
    for (int c : counts) {
      assertThat(c).isBetween(s.length / 3 - 200, s.length / 3 + 200); // about 7 standard deviations
    }
  }
}
