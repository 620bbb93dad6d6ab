package org.trustml.fhe.dct;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The block DCT against its definition, closed forms, orthonormality and its inverse. */
class BlockDctTest {

  private static final double TOLERANCE = 1e-9;
  private static final int[] SIZES = {2, 3, 4, 8};
  private final SplittableRandom random = new SplittableRandom(345);

  /** The DCT-II definition written out, O(F^4): C[u][v] = a(u) a(v) sum B[x][y] cos(.. u ..) cos(.. v ..). */
  static double[] naive(double[] block, int f) {
    double[] c = new double[f * f];
    for (int u = 0; u < f; u++) {
      for (int v = 0; v < f; v++) {
        double s = 0;
        for (int x = 0; x < f; x++) {
          for (int y = 0; y < f; y++) {
            s += block[x * f + y] * Math.cos((2 * x + 1) * u * Math.PI / (2 * f))
                * Math.cos((2 * y + 1) * v * Math.PI / (2 * f));
          }
        }
        c[u * f + v] = alpha(u, f) * alpha(v, f) * s;
      }
    }
    return c;
  }

  private static double alpha(int u, int f) {
    return u == 0 ? Math.sqrt(1.0 / f) : Math.sqrt(2.0 / f);
  }

  private double[] randomBlock(int f) {
    double[] b = new double[f * f];
    for (int k = 0; k < b.length; k++) {
      b[k] = random.nextDouble(-128, 128);
    }
    return b;
  }

  private static double energy(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x * x;
    }
    return s;
  }

  @Test
  void forwardMatchesTheDefinitionAndInverseUndoesIt() {
    for (int f : SIZES) {
      BlockDct dct = new BlockDct(f);
      for (int trial = 0; trial < 20; trial++) {
        double[] block = randomBlock(f);
        double[] c = new double[f * f];
        dct.forward(block, c);
        assertThat(c).as("F = %d", f).containsExactly(naive(block, f), within(TOLERANCE));
        double[] back = new double[f * f];
        dct.inverse(c, back);
        assertThat(back).containsExactly(block, within(TOLERANCE));
      }
    }
  }

  @Test
  void theMatrixIsOrthonormalSoEnergyIsPreserved() {
    for (int f : SIZES) {
      BlockDct dct = new BlockDct(f);
      for (int i = 0; i < f; i++) {
        for (int j = 0; j < f; j++) {
          double dot = 0;
          for (int k = 0; k < f; k++) {
            dot += dct.basis(i, k) * dct.basis(j, k);
          }
          assertThat(dot).as("row %d . row %d, F = %d", i, j, f).isCloseTo(i == j ? 1 : 0, within(TOLERANCE));
        }
      }
      double[] block = randomBlock(f);
      double[] c = new double[f * f];
      dct.forward(block, c);
      assertThat(energy(c)).isCloseTo(energy(block), within(TOLERANCE * energy(block)));
    }
  }

  @Test
  void aConstantBlockHasOnlyTheDcCoefficientFTimesTheValue() {
    for (int f : SIZES) {
      double[] block = new double[f * f];
      java.util.Arrays.fill(block, 37.5);
      double[] c = new double[f * f];
      new BlockDct(f).forward(block, c);
      assertThat(c[0]).isCloseTo(f * 37.5, within(TOLERANCE));
      for (int k = 1; k < c.length; k++) {
        assertThat(c[k]).as("coefficient %d", k).isCloseTo(0, within(TOLERANCE));
      }
    }
  }

  @Test
  void theBasisPatternOfFrequencyUvGivesCoefficientUTimesFPlusV() {
    int f = 4;
    BlockDct dct = new BlockDct(f);
    for (int u = 0; u < f; u++) {
      for (int v = 0; v < f; v++) {
        double[] block = new double[f * f];
        for (int x = 0; x < f; x++) {
          for (int y = 0; y < f; y++) {
            block[x * f + y] = dct.basis(u, x) * dct.basis(v, y); // varies with u down the rows, v across
          }
        }
        double[] c = new double[f * f];
        dct.forward(block, c);
        for (int k = 0; k < c.length; k++) {
          assertThat(c[k]).isCloseTo(k == u * f + v ? 1 : 0, within(TOLERANCE));
        }
      }
    }
  }

  @Test
  void forEightItIsJpegsScaling() {
    BlockDct dct = new BlockDct(8);
    for (int u = 0; u < 8; u++) {
      for (int x = 0; x < 8; x++) {
        // JPEG: F(u, v) = C(u) C(v) / 4 sum ..., C(0) = 1 / sqrt(2): per dimension C(u) / 2 cos(...)
        double jpeg = (u == 0 ? 1 / Math.sqrt(2) : 1) / 2 * Math.cos((2 * x + 1) * u * Math.PI / 16);
        assertThat(dct.basis(u, x)).isCloseTo(jpeg, within(TOLERANCE));
      }
    }
  }
}
