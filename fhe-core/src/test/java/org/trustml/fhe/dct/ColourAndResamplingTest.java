package org.trustml.fhe.dct;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** YCbCr known values, 4:2:0 averaging, bilinear resizing with half-pixel centres, centre cropping. */
class ColourAndResamplingTest {

  private static final double TOLERANCE = 1e-9;

  private static double[] one(double v) {
    return new double[] {v};
  }

  @Test
  void greysHaveNeutralChromaAndPrimariesTheirKnownValues() {
    for (double v : new double[] {0, 128, 255}) {
      assertThat(ColourSpace.luma(one(v), one(v), one(v))[0]).isCloseTo(v, within(TOLERANCE));
      assertThat(ColourSpace.blueDifference(one(v), one(v), one(v))[0]).isCloseTo(128, within(1e-6));
      assertThat(ColourSpace.redDifference(one(v), one(v), one(v))[0]).isCloseTo(128, within(1e-6));
    }
    // pure red: Y = 76.245, Cb = 84.97, Cr = 255.5 (T.871)
    assertThat(ColourSpace.luma(one(255), one(0), one(0))[0]).isCloseTo(76.245, within(1e-9));
    assertThat(ColourSpace.blueDifference(one(255), one(0), one(0))[0]).isCloseTo(84.97232, within(1e-9));
    assertThat(ColourSpace.redDifference(one(255), one(0), one(0))[0]).isCloseTo(255.5, within(1e-9));
  }

  @Test
  void subsamplingAveragesEachTwoByTwoSquare() {
    double[] plane = {1, 3, 10, 20, 5, 7, 30, 40};
    assertThat(ColourSpace.subsample(plane, 2, 4)).containsExactly(4, 25);
  }

  @Test
  void bilinearUsesHalfPixelCentresAndClampsTheEdges() {
    assertThat(Resampling.bilinear(new double[] {0, 4}, 1, 2, 1, 4)).containsExactly(new double[] {0, 1, 3, 4},
        within(TOLERANCE));
    double[] plane = {1, 2, 3, 4, 5, 6};
    assertThat(Resampling.bilinear(plane, 2, 3, 2, 3)).containsExactly(plane);
    double[] constant = new double[9];
    java.util.Arrays.fill(constant, 7);
    for (double v : Resampling.bilinear(constant, 3, 3, 5, 8)) {
      assertThat(v).isCloseTo(7, within(TOLERANCE));
    }
  }

  @Test
  void centreCropRoundsTheOffsetHalfToEven() {
    double[] row = {0, 1, 2, 3, 4, 5, 6};
    assertThat(Resampling.centreCrop(row, 1, 7, 1, 3)).containsExactly(2, 3, 4);
    // (5 - 2) / 2 = 1.5 rounds to 2, as Python's round does in torchvision's CenterCrop
    assertThat(Resampling.centreCrop(new double[] {0, 1, 2, 3, 4}, 1, 5, 1, 2)).containsExactly(2, 3);
  }
}
