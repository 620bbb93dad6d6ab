package org.trustml.fairness.multitask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Test;

class LinearCkaTest {

  private static final Random RANDOM = new Random(7);

  @Test
  void identicalMatricesAreFullySimilar() {
    double[][] a = random(12, 5);
    assertThat(LinearCka.similarity(a, a)).isCloseTo(1.0, within(1e-12));
  }

  @Test
  void isotropicScalingDoesNotChangeIt() {
    double[][] a = random(10, 4);
    double[][] b = random(10, 6);
    double base = LinearCka.similarity(a, b);
    assertThat(LinearCka.similarity(scale(a, 3.5), scale(b, 0.01))).isCloseTo(base, within(1e-12));
  }

  @Test
  void orthogonalTransformsDoNotChangeIt() {
    double[][] a = random(9, 5);
    double[][] b = random(9, 5);
    RealMatrix q = new QRDecomposition(MatrixUtils.createRealMatrix(random(5, 5))).getQ();
    double[][] aq = MatrixUtils.createRealMatrix(a).multiply(q).getData();
    assertThat(LinearCka.similarity(aq, b)).isCloseTo(LinearCka.similarity(a, b), within(1e-12));
  }

  @Test
  void isSymmetricAndWithinTheUnitInterval() {
    double[][] a = random(8, 3);
    double[][] b = random(8, 7);
    double ab = LinearCka.similarity(a, b);
    assertThat(LinearCka.similarity(b, a)).isCloseTo(ab, within(1e-12));
    assertThat(ab).isBetween(0.0, 1.0);
  }

  @Test
  void matchesTheClosedFormOfTwoCentredVectors() {
    // centred a = (1, 0, −1), b = (1, −1, 0): tr(K_aK_b) = (a·b)² = 1, tr(K_a²) = |a|⁴ = 4 = tr(K_b²) → 1/4
    double[][] a = {{2}, {1}, {0}}; // centring subtracts 1
    double[][] b = {{1}, {-1}, {0}};
    assertThat(LinearCka.similarity(a, b)).isCloseTo(0.25, within(1e-12));
  }

  @Test
  void aConstantMatrixHasNoSimilarity() {
    double[][] constant = {{1, 1}, {1, 1}, {1, 1}};
    assertThat(LinearCka.similarity(constant, random(3, 2))).isZero();
  }

  private static double[][] random(int rows, int cols) {
    double[][] m = new double[rows][cols];
    for (double[] row : m) {
      for (int j = 0; j < cols; j++) {
        row[j] = RANDOM.nextGaussian();
      }
    }
    return m;
  }

  private static double[][] scale(double[][] m, double factor) {
    double[][] out = new double[m.length][];
    for (int i = 0; i < m.length; i++) {
      out[i] = m[i].clone();
      for (int j = 0; j < out[i].length; j++) {
        out[i][j] *= factor;
      }
    }
    return out;
  }
}
