package org.trustml.fhe.ckks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Encrypted circuits against the same computation on plain doubles: precision in bits (-log2 of the largest absolute
 * slot error) is reported per level and must stay above a floor.
 */
class CkksCircuitTest {

  /**
   * Fresh encryptions at Delta = 2^40, N = 2^13: slot noise about sqrt(N) * ||v e + e_0 + e_1 s|| / Delta, 2^-25
   * typical and 2^-23 at worst over 4096 slots; this floor leaves room for unlucky noise.
   */
  private static final double FRESH_FLOOR_BITS = 20;
  /** One key switch adds about (q_0 / P) sqrt(N) sigma per coefficient (q_0 = 2^48, P = 2^50 here). */
  private static final double KEY_SWITCH_FLOOR_BITS = 17;
  /** After three multiply-relinearise-rescale layers with rotations and additions. */
  private static final double THREE_LEVEL_FLOOR_BITS = 18;
  private static final int[] STEPS = {1, -1, 7, 1024};

  private static final Logger LOG = LoggerFactory.getLogger(CkksCircuitTest.class);
  private static Keys keys;
  private final SplittableRandom random = new SplittableRandom(345);

  @BeforeAll
  static void keys() {
    keys = new Keys(TestParameters.threeLevels(), STEPS);
  }

  private double[] randomSlots(double bound) {
    double[] v = new double[keys.params.slots()];
    for (int k = 0; k < v.length; k++) {
      v[k] = random.nextDouble(-bound, bound);
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
  void freshEncryptionDecryptsToTheInput() {
    double[] x = randomSlots(1);
    double bits = Keys.precisionBits(keys.decrypt(keys.encrypt(x)), x);
    LOG.info("fresh encryption: {} bits", String.format("%.1f", bits));
    assertThat(bits).isGreaterThan(FRESH_FLOOR_BITS);
  }

  @Test
  void randomLayeredCircuitsTrackPlainArithmeticForThreeLevels() {
    for (int circuit = 0; circuit < 2; circuit++) {
      int width = 3;
      Ciphertext[] encrypted = new Ciphertext[width];
      double[][] plain = new double[width][];
      for (int i = 0; i < width; i++) {
        plain[i] = randomSlots(0.5);
        encrypted[i] = keys.encrypt(plain[i]);
      }
      for (int layer = 1; layer <= 3; layer++) {
        Ciphertext[] products = new Ciphertext[width];
        double[][] productValues = new double[width][];
        for (int i = 0; i < width; i++) {
          int p = random.nextInt(width);
          int q = random.nextInt(width);
          Ciphertext product = keys.evaluator.multiply(encrypted[p], encrypted[q]);
          products[i] = keys.evaluator.rescale(keys.evaluator.relinearize(product, keys.relinearizationKey));
          productValues[i] = new double[plain[p].length];
          for (int k = 0; k < productValues[i].length; k++) {
            productValues[i][k] = plain[p][k] * plain[q][k];
          }
        }
        for (int i = 0; i < width; i++) {
          int other = random.nextInt(width);
          int step = STEPS[random.nextInt(STEPS.length)];
          double[] offset = randomSlots(0.5);
          Ciphertext sum = keys.evaluator.add(products[i],
              keys.evaluator.rotate(products[other], step, keys.galoisKeys));
          Plaintext offsetPlain = keys.encoder.encode(offset, sum.level(), sum.scale());
          encrypted[i] = keys.evaluator.addPlain(sum, offsetPlain);
          double[] rotatedOther = rotated(productValues[other], step);
          plain[i] = new double[offset.length];
          for (int k = 0; k < offset.length; k++) {
            plain[i][k] = productValues[i][k] + rotatedOther[k] + offset[k];
          }
        }
        double worst = Double.MAX_VALUE;
        for (int i = 0; i < width; i++) {
          worst = Math.min(worst, Keys.precisionBits(keys.decrypt(encrypted[i]), plain[i]));
        }
        LOG.info("circuit {} layer {} (level {}): {} bits", circuit, layer, encrypted[0].level(),
            String.format("%.1f", worst));
        assertThat(worst).as("precision after layer %d", layer).isGreaterThan(THREE_LEVEL_FLOOR_BITS);
      }
      assertThat(encrypted[0].level()).isZero();
    }
  }

  @Test
  void rotationsMoveSlotsLeftAndConjugationConjugates() {
    double[] re = randomSlots(1);
    double[] im = randomSlots(1);
    Ciphertext c = keys.encryptor.encrypt(keys.encoder.encodeComplex(re, im, keys.params.maxLevel(),
        keys.params.defaultScale()));
    for (int step : STEPS) {
      double[][] slots = keys.encoder.decodeComplex(keys.decryptor.decrypt(
          keys.evaluator.rotate(c, step, keys.galoisKeys)));
      assertThat(Keys.precisionBits(slots[0], rotated(re, step))).as("step %d", step)
          .isGreaterThan(KEY_SWITCH_FLOOR_BITS);
      assertThat(Keys.precisionBits(slots[1], rotated(im, step))).isGreaterThan(KEY_SWITCH_FLOOR_BITS);
    }
    double[][] conjugated = keys.encoder.decodeComplex(keys.decryptor.decrypt(
        keys.evaluator.conjugate(c, keys.galoisKeys)));
    double[] minusIm = im.clone();
    for (int k = 0; k < minusIm.length; k++) {
      minusIm[k] = -im[k];
    }
    assertThat(Keys.precisionBits(conjugated[0], re)).isGreaterThan(KEY_SWITCH_FLOOR_BITS);
    assertThat(Keys.precisionBits(conjugated[1], minusIm)).isGreaterThan(KEY_SWITCH_FLOOR_BITS);
  }

  @Test
  void plainMultiplicationSubtractionAndDroppingLevelsAgreeWithDoubles() {
    double[] x = randomSlots(1);
    double[] y = randomSlots(1);
    Ciphertext cx = keys.encrypt(x);
    Ciphertext product = keys.evaluator.rescale(keys.evaluator.multiplyPlain(cx, keys.encoder.encode(y)));
    Ciphertext dropped = keys.evaluator.dropToLevel(keys.encrypt(x), product.level());
    Ciphertext difference = keys.evaluator.subtract(product,
        keys.evaluator.dropToLevel(keys.evaluator.rescale(keys.evaluator.multiplyPlain(cx,
            keys.encoder.encode(x))), product.level()));
    double[] expected = new double[x.length];
    for (int k = 0; k < x.length; k++) {
      expected[k] = x[k] * y[k] - x[k] * x[k];
    }
    assertThat(Keys.precisionBits(keys.decrypt(difference), expected)).isGreaterThan(FRESH_FLOOR_BITS);
    assertThat(Keys.precisionBits(keys.decrypt(dropped), x)).isGreaterThan(FRESH_FLOOR_BITS);
    assertThat(dropped.scale()).isEqualTo(keys.params.defaultScale());
  }

  @Test
  void theAnchorParametersMultiplyAndRescaleTwice() {
    Keys anchor = new Keys(CkksParameters.test(), new int[] {1});
    double[] x = randomSlots(1);
    double[] y = randomSlots(1);
    Ciphertext c = anchor.encrypt(x);
    Ciphertext d = anchor.encrypt(y);
    double[] expected = x.clone();
    for (int round = 1; round <= 2; round++) {
      c = anchor.evaluator.rescale(anchor.evaluator.relinearize(anchor.evaluator.multiply(c, d),
          anchor.relinearizationKey));
      d = anchor.evaluator.dropToLevel(d, c.level());
      d = anchor.encryptor.encrypt(anchor.encoder.encode(y, c.level(), c.scale()));
      for (int k = 0; k < x.length; k++) {
        expected[k] *= y[k];
      }
      double bits = Keys.precisionBits(anchor.decrypt(c), expected);
      LOG.info("anchor parameters, level {}: {} bits", c.level(), String.format("%.1f", bits));
      assertThat(bits).isGreaterThan(THREE_LEVEL_FLOOR_BITS);
    }
  }
}
