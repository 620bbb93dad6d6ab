package org.trustml.fhe.dct;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Planes to coefficient maps: block layout, channel order, level shift, rounding, inverse and energy. */
class CoefficientMapsTest {

  private static final double TOLERANCE = 1e-9;
  private final SplittableRandom random = new SplittableRandom(345);

  private double[] randomPlane(int height, int width) {
    double[] p = new double[height * width];
    for (int k = 0; k < p.length; k++) {
      p[k] = random.nextInt(256);
    }
    return p;
  }

  @Test
  void eachMapHoldsOneCoefficientOfEveryBlockAsTheDefinitionGivesIt() {
    int f = 4;
    int height = 12;
    int width = 8;
    double[] plane = randomPlane(height, width);
    double[][] maps = CoefficientMaps.forward(new BlockDct(f), plane, height, width, false);
    assertThat(maps).hasNumberOfRows(f * f);
    for (int br = 0; br < height / f; br++) {
      for (int bc = 0; bc < width / f; bc++) {
        double[] block = new double[f * f];
        for (int x = 0; x < f; x++) {
          for (int y = 0; y < f; y++) {
            block[x * f + y] = plane[(br * f + x) * width + bc * f + y] - 128;
          }
        }
        double[] expected = BlockDctTest.naive(block, f);
        for (int c = 0; c < f * f; c++) {
          assertThat(maps[c][br * (width / f) + bc]).isCloseTo(expected[c], within(TOLERANCE));
        }
      }
    }
  }

  @Test
  void inverseRestoresThePlaneAndEnergyOfTheShiftedPlaneIsPreserved() {
    for (int f : new int[] {4, 8}) {
      double[] plane = randomPlane(16, 24);
      BlockDct dct = new BlockDct(f);
      double[][] maps = CoefficientMaps.forward(dct, plane, 16, 24, false);
      assertThat(CoefficientMaps.inverse(dct, maps, 16, 24)).containsExactly(plane, within(TOLERANCE));
      double pixels = Arrays.stream(plane).map(v -> (v - 128) * (v - 128)).sum();
      double coefficients = Arrays.stream(maps).flatMapToDouble(Arrays::stream).map(v -> v * v).sum();
      assertThat(coefficients).isCloseTo(pixels, within(TOLERANCE * pixels));
    }
  }

  @Test
  void aConstantPlaneHasOnlyItsDcMapAndRoundingGivesIntegers() {
    double[] plane = new double[8 * 8 * 4];
    Arrays.fill(plane, 200.3);
    double[][] maps = CoefficientMaps.forward(new BlockDct(8), plane, 16, 16, false);
    for (double v : maps[0]) {
      assertThat(v).isCloseTo(8 * (200.3 - 128), within(TOLERANCE));
    }
    for (int c = 1; c < 64; c++) {
      for (double v : maps[c]) {
        assertThat(v).isCloseTo(0, within(TOLERANCE));
      }
    }
    double[][] rounded = CoefficientMaps.forward(new BlockDct(8), randomPlane(16, 16), 16, 16, true);
    for (double[] map : rounded) {
      for (double v : map) {
        assertThat(v).isEqualTo(Math.rint(v));
      }
    }
  }

  @Test
  void sidesThatAreNotMultiplesOfTheBlockAreRefused() {
    assertThatThrownBy(() -> CoefficientMaps.forward(new BlockDct(8), new double[12 * 16], 12, 16, false))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("multiples of the block size 8");
  }
}
