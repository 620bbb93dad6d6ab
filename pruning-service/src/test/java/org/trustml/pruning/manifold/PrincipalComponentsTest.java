package org.trustml.pruning.manifold;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class PrincipalComponentsTest {

  /** n points on a random 2-D plane through an offset in R^5. */
  static double[] plane(Random random, int n) {
    double[][] basis = new double[2][5];
    for (double[] b : basis) {
      for (int c = 0; c < 5; c++) {
        b[c] = random.nextGaussian();
      }
    }
    // Gram–Schmidt, so the plane's coordinates are distances
    double dot = 0;
    double norm = 0;
    for (int c = 0; c < 5; c++) {
      norm += basis[0][c] * basis[0][c];
    }
    for (int c = 0; c < 5; c++) {
      basis[0][c] /= Math.sqrt(norm);
      dot += basis[0][c] * basis[1][c];
    }
    norm = 0;
    for (int c = 0; c < 5; c++) {
      basis[1][c] -= dot * basis[0][c];
      norm += basis[1][c] * basis[1][c];
    }
    for (int c = 0; c < 5; c++) {
      basis[1][c] /= Math.sqrt(norm);
    }
    double[] x = new double[n * 5];
    for (int i = 0; i < n; i++) {
      double a = 3 * random.nextGaussian();
      double b = random.nextGaussian();
      for (int c = 0; c < 5; c++) {
        x[i * 5 + c] = 7 + a * basis[0][c] + b * basis[1][c];
      }
    }
    return x;
  }

  static double distance(double[] x, int d, int i, int j) {
    double s = 0;
    for (int c = 0; c < d; c++) {
      double t = x[i * d + c] - x[j * d + c];
      s += t * t;
    }
    return Math.sqrt(s);
  }

  @Test
  void aPlaneInFiveDimensionsKeepsEveryDistanceInTwo() {
    double[] x = plane(new Random(3), 80);
    double[] u = PrincipalComponents.project(x, 5, 2);
    for (int i = 0; i < 80; i++) {
      for (int j = 0; j < i; j++) {
        assertEquals(distance(x, 5, i, j), distance(u, 2, i, j), 1e-9, "pair " + i + ", " + j);
      }
    }
  }

  @Test
  void componentsAreCentredUncorrelatedInDescendingVarianceWithTheirLargestLoadingPositive() {
    Random random = new Random(8);
    int n = 500;
    double[] x = new double[n * 4];
    for (int i = 0; i < n; i++) {
      x[i * 4] = 5 * random.nextGaussian() + 1;
      x[i * 4 + 1] = 2 * random.nextGaussian();
      x[i * 4 + 2] = 0.5 * random.nextGaussian() - 3;
      x[i * 4 + 3] = x[i * 4 + 1] * 0.3 + 0.1 * random.nextGaussian();
    }
    double[] u = PrincipalComponents.project(x, 4, 3);
    double[] variance = new double[3];
    for (int a = 0; a < 3; a++) {
      double mean = 0;
      for (int i = 0; i < n; i++) {
        mean += u[i * 3 + a] / n;
      }
      assertEquals(0, mean, 1e-9, "component " + a + " is centred");
      for (int b = 0; b < 3; b++) {
        double s = 0;
        for (int i = 0; i < n; i++) {
          s += u[i * 3 + a] * u[i * 3 + b];
        }
        if (a == b) {
          variance[a] = s;
        } else {
          assertEquals(0, s / n, 1e-9, "components " + a + " and " + b + " are uncorrelated");
        }
      }
    }
    assertTrue(variance[0] > variance[1] && variance[1] > variance[2], java.util.Arrays.toString(variance));
    // the sign convention: each component's largest loading, read back as Σ_i (x_ic − mean_c)·u_ik, is positive
    for (int k = 0; k < 3; k++) {
      double[] loading = new double[4];
      for (int c = 0; c < 4; c++) {
        double mean = 0;
        for (int i = 0; i < n; i++) {
          mean += x[i * 4 + c] / n;
        }
        for (int i = 0; i < n; i++) {
          loading[c] += (x[i * 4 + c] - mean) * u[i * 3 + k];
        }
      }
      int largest = 0;
      for (int c = 1; c < 4; c++) {
        largest = Math.abs(loading[c]) > Math.abs(loading[largest]) ? c : largest;
      }
      assertTrue(loading[largest] > 0, "component " + k + " loadings " + java.util.Arrays.toString(loading));
    }
  }

  @Test
  void moreComponentsThanInputDimensionsAreZero() {
    double[] x = {0, 0, 1, 0, 0, 1, 1, 1};
    double[] u = PrincipalComponents.project(x, 2, 3);
    for (int i = 0; i < 4; i++) {
      assertEquals(0, u[i * 3 + 2], 0.0);
    }
    assertArrayEquals(PrincipalComponents.project(x, 2, 3), u, 0.0);
  }

  @Test
  void theGlobalStageRunsPcaPerClass() {
    double[] x = plane(new Random(5), 60);
    int[] labels = new int[60];
    for (int i = 30; i < 60; i++) {
      labels[i] = 1;
    }
    ManifoldParams params = ManifoldParams.defaults(1).withMethod(ManifoldParams.Method.PCA)
        .withUmap(UmapParams.defaults(1).withDimension(2)).withThreads(2);
    ManifoldEmbedding m = ManifoldStage.run(x, 5, labels, params);
    double[] z = m.latent();
    double[] classOne = PrincipalComponents.project(ClassIndex.gather(z, 5, ClassIndex.members(labels).get(1)), 5, 2);
    for (int r = 0; r < 30; r++) {
      assertEquals(classOne[r * 2], m.embedded()[(30 + r) * 2], 0.0);
      assertEquals(classOne[r * 2 + 1], m.embedded()[(30 + r) * 2 + 1], 0.0);
    }
  }
}
