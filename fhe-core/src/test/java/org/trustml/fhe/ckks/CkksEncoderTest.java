package org.trustml.fhe.ckks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Canonical-embedding encoding: the special FFT against its definition, and encode/decode round trips. */
class CkksEncoderTest {

  private static final double ROUND_TRIP_TOLERANCE = 1e-9;
  private final SplittableRandom random = new SplittableRandom(345);

  @Test
  void embeddingEvaluatesTheFoldedPolynomialAtPowersOfFiveOfZeta() {
    int logN = 4;
    int n = 1 << logN;
    CanonicalEmbedding embedding = new CanonicalEmbedding(logN);
    double[] re = new double[n / 2];
    double[] im = new double[n / 2];
    for (int k = 0; k < n / 2; k++) {
      re[k] = random.nextDouble(-1, 1);
      im[k] = random.nextDouble(-1, 1);
    }
    double[] slotsRe = re.clone();
    double[] slotsIm = im.clone();
    embedding.forward(slotsRe, slotsIm);
    long power = 1;
    for (int j = 0; j < n / 2; j++) {
      double sumRe = 0;
      double sumIm = 0;
      for (int k = 0; k < n / 2; k++) {
        double angle = Math.PI * power * k / n;
        sumRe += re[k] * Math.cos(angle) - im[k] * Math.sin(angle);
        sumIm += re[k] * Math.sin(angle) + im[k] * Math.cos(angle);
      }
      assertThat(slotsRe[j]).isCloseTo(sumRe, within(1e-12));
      assertThat(slotsIm[j]).isCloseTo(sumIm, within(1e-12));
      power = power * 5 % (2L * n);
    }
    embedding.inverse(slotsRe, slotsIm);
    for (int k = 0; k < n / 2; k++) {
      assertThat(slotsRe[k]).isCloseTo(re[k], within(1e-12));
      assertThat(slotsIm[k]).isCloseTo(im[k], within(1e-12));
    }
  }

  @Test
  void encodeThenDecodeReturnsTheValuesAtEveryLevel() {
    CkksParameters params = TestParameters.threeLevels();
    CkksEncoder encoder = new CkksEncoder(params);
    double[] re = new double[params.slots()];
    double[] im = new double[params.slots()];
    for (int k = 0; k < re.length; k++) {
      re[k] = random.nextDouble(-100, 100);
      im[k] = random.nextDouble(-100, 100);
    }
    for (int level = 0; level <= params.maxLevel(); level++) {
      double[][] decoded = encoder.decodeComplex(encoder.encodeComplex(re, im, level, params.defaultScale()));
      for (int k = 0; k < re.length; k++) {
        assertThat(decoded[0][k]).isCloseTo(re[k], within(ROUND_TRIP_TOLERANCE));
        assertThat(decoded[1][k]).isCloseTo(im[k], within(ROUND_TRIP_TOLERANCE));
      }
    }
  }

  @Test
  void shortInputsArePaddedWithZeros() {
    CkksParameters params = TestParameters.threeLevels();
    CkksEncoder encoder = new CkksEncoder(params);
    double[] decoded = encoder.decode(encoder.encode(new double[] {1.5, -2.25}));
    assertThat(decoded[0]).isCloseTo(1.5, within(ROUND_TRIP_TOLERANCE));
    assertThat(decoded[1]).isCloseTo(-2.25, within(ROUND_TRIP_TOLERANCE));
    assertThat(decoded[2]).isCloseTo(0, within(ROUND_TRIP_TOLERANCE));
  }

  @Test
  void tooManyValuesOrTooLargeAProductAreRefused() {
    CkksParameters params = TestParameters.threeLevels();
    CkksEncoder encoder = new CkksEncoder(params);
    assertThatThrownBy(() -> encoder.encode(new double[params.slots() + 1]))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most " + params.slots());
    double[] huge = new double[params.slots()];
    java.util.Arrays.fill(huge, Math.scalb(1.0, 30)); // a constant is the constant coefficient: 2^70
    assertThatThrownBy(() -> encoder.encode(huge))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not fit 62 bits");
  }
}
