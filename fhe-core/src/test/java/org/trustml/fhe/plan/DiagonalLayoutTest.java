package org.trustml.fhe.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The latency layout's algebra on plain doubles: replicate x, sum the pre-rotated diagonals baby-step giant-step,
 * fold, and compare with W x computed directly; then its rotation counts against hand-counted cases.
 */
class DiagonalLayoutTest {

  private static final int SLOTS = 1024;

  @Test
  void babyStepGiantStepDiagonalSumEqualsTheMatrixProduct() {
    Random random = new Random(3);
    int[][] shapes = {{294, 64}, {64, 10}, {5, 40}, {8, 16}, {13, 13}, {1, 1}, {100, 3}, {3, 100}, {32, 32}};
    for (int[] shape : shapes) {
      int in = shape[0];
      int out = shape[1];
      double[][] w = new double[out][in];
      for (double[] row : w) {
        for (int i = 0; i < in; i++) {
          row[i] = random.nextGaussian();
        }
      }
      double[] x = new double[in];
      for (int i = 0; i < in; i++) {
        x[i] = random.nextGaussian();
      }
      int inPeriod = Integer.highestOneBit(2 * in - 1);
      DiagonalLayout layout = DiagonalLayout.of(w, inPeriod);
      double[] y = simulate(layout, w, replicate(x, inPeriod));
      for (int t = 0; t < SLOTS; t++) {
        int row = t % layout.outPeriod();
        double expected = 0;
        if (row < out) {
          for (int i = 0; i < in; i++) {
            expected += w[row][i] * x[i];
          }
        }
        assertThat(y[t]).as("shape %dx%d slot %d", out, in, t).isCloseTo(expected,
            org.assertj.core.data.Offset.offset(1e-9));
      }
    }
  }

  @Test
  void rotationsAreCountedPerBabyGiantAndFoldStep() {
    // 294 -> 64: period 512 -> 64, 64 diagonals, g = 8: 7 baby, 7 giant, folds by 64, 128, 256
    DiagonalLayout wide = DiagonalLayout.of(ones(64, 294), 512);
    assertThat(wide.babyStep()).isEqualTo(8);
    assertThat(wide.diagonals()).hasSize(64);
    assertThat(wide.foldSteps()).containsExactly(64, 128, 256);
    assertThat(wide.rotations()).isEqualTo(17);
    // 64 -> 10: period 64 -> 16, 16 diagonals, g = 4: 3 baby, 3 giant, folds by 16, 32
    DiagonalLayout narrow = DiagonalLayout.of(ones(10, 64), 64);
    assertThat(narrow.rotations()).isEqualTo(8);
    assertThat(narrow.rotationSteps()).containsExactly(1, 2, 3, 4, 8, 12, 16, 32);
    // a diagonal matrix needs only diagonal 0: no rotation at all
    double[][] identity = new double[8][8];
    for (int i = 0; i < 8; i++) {
      identity[i][i] = 2;
    }
    DiagonalLayout diagonal = DiagonalLayout.of(identity, 8);
    assertThat(diagonal.diagonals()).containsExactly(0);
    assertThat(diagonal.rotations()).isZero();
  }

  private static double[][] ones(int out, int in) {
    double[][] w = new double[out][in];
    for (double[] row : w) {
      java.util.Arrays.fill(row, 1);
    }
    return w;
  }

  private static double[] replicate(double[] x, int period) {
    double[] slots = new double[SLOTS];
    for (int t = 0; t < SLOTS; t++) {
      slots[t] = t % period < x.length ? x[t % period] : 0;
    }
    return slots;
  }

  /** What LatencyEvaluator computes, on doubles: rot(v, k)[t] = v[t + k]. */
  private static double[] simulate(DiagonalLayout layout, double[][] w, double[] x) {
    int g = layout.babyStep();
    double[] z = new double[SLOTS];
    for (int giant = 0; giant < layout.count(); giant += g) {
      double[] inner = new double[SLOTS];
      for (int k : layout.diagonals()) {
        if (k - k % g == giant) {
          double[] d = layout.rotatedDiagonal(w, k, SLOTS);
          double[] rx = rotate(x, k % g);
          for (int t = 0; t < SLOTS; t++) {
            inner[t] += d[t] * rx[t];
          }
        }
      }
      double[] r = rotate(inner, giant);
      for (int t = 0; t < SLOTS; t++) {
        z[t] += r[t];
      }
    }
    for (int fold : layout.foldSteps()) {
      double[] r = rotate(z, fold);
      for (int t = 0; t < SLOTS; t++) {
        z[t] += r[t];
      }
    }
    return z;
  }

  private static double[] rotate(double[] v, int k) {
    double[] out = new double[v.length];
    for (int t = 0; t < v.length; t++) {
      out[t] = v[(t + k) % v.length];
    }
    return out;
  }
}
