package org.trustml.fhe.ckks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Hoisted rotations: one decomposition, many keys; the same slots as one rotation at a time. */
class HoistedRotationTest {

  /** One key switch at these parameters, as in CkksCircuitTest. */
  private static final double KEY_SWITCH_FLOOR_BITS = 17;
  private static final int[] STEPS = {1, -1, 7, 1024};
  private static Keys keys;
  private final SplittableRandom random = new SplittableRandom(345);

  @BeforeAll
  static void keys() {
    keys = new Keys(TestParameters.threeLevels(), STEPS);
  }

  private double[] randomSlots() {
    double[] v = new double[keys.params.slots()];
    for (int k = 0; k < v.length; k++) {
      v[k] = random.nextDouble(-1, 1);
    }
    return v;
  }

  private static double[] rotated(double[] v, int step) {
    double[] out = new double[v.length];
    for (int j = 0; j < v.length; j++) {
      out[j] = v[Math.floorMod(j + step, v.length)];
    }
    return out;
  }

  @Test
  void hoistedRotationsMoveTheSlotsLikeSingleRotationsAtEveryLevel() {
    double[] x = randomSlots();
    Ciphertext c = keys.encrypt(x);
    for (int level = keys.params.maxLevel(); level >= 0; level -= 2) {
      Ciphertext atLevel = keys.evaluator.dropToLevel(c, level);
      Ciphertext[] hoisted = keys.evaluator.rotateHoisted(atLevel, STEPS, keys.galoisKeys);
      assertThat(hoisted).hasSize(STEPS.length);
      for (int i = 0; i < STEPS.length; i++) {
        assertThat(hoisted[i].level()).isEqualTo(level);
        double[] expected = rotated(x, STEPS[i]);
        assertThat(Keys.precisionBits(keys.decrypt(hoisted[i]), expected)).as("step %d at level %d", STEPS[i], level)
            .isGreaterThan(KEY_SWITCH_FLOOR_BITS);
        double[] single = keys.decrypt(keys.evaluator.rotate(atLevel, STEPS[i], keys.galoisKeys));
        assertThat(Keys.precisionBits(keys.decrypt(hoisted[i]), single)).isGreaterThan(KEY_SWITCH_FLOOR_BITS);
      }
    }
  }

  @Test
  void aMissingKeyOrAnUnrelinearizedCiphertextIsRefused() {
    Ciphertext c = keys.encrypt(randomSlots());
    assertThatThrownBy(() -> keys.evaluator.rotateHoisted(c, new int[] {1, 2}, keys.galoisKeys))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no Galois key for rotation by 2");
    assertThatThrownBy(() -> keys.evaluator.rotateHoisted(keys.evaluator.multiply(c, c), new int[] {1},
        keys.galoisKeys)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("relinearize first");
  }
}
