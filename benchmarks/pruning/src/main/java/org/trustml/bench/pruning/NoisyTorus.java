package org.trustml.bench.pruning;

import java.util.Random;
import org.trustml.pruning.topology.PointCloud;

/**
 * A noisy 2-manifold in R^D: a flat torus (two circles, radii 1 and 0.5, in R^4) rotated by a random orthonormal
 * map into R^D, plus isotropic Gaussian noise. Its Rips diagram has two long H1 bars among many short ones.
 */
final class NoisyTorus {

  private NoisyTorus() {}

  static PointCloud sample(int n, int dimension, double noise, long seed) {
    Random random = new Random(seed);
    double[][] basis = orthonormalRows(4, dimension, random);
    double[] coordinates = new double[n * dimension];
    for (int i = 0; i < n; i++) {
      double u = 2 * Math.PI * random.nextDouble();
      double v = 2 * Math.PI * random.nextDouble();
      double[] torus = {Math.cos(u), Math.sin(u), 0.5 * Math.cos(v), 0.5 * Math.sin(v)};
      for (int k = 0; k < dimension; k++) {
        double x = noise * random.nextGaussian();
        for (int m = 0; m < 4; m++) {
          x += torus[m] * basis[m][k];
        }
        coordinates[i * dimension + k] = x;
      }
    }
    return PointCloud.ofRowMajor(coordinates, dimension);
  }

  /** Gram–Schmidt on Gaussian rows. */
  private static double[][] orthonormalRows(int rows, int dimension, Random random) {
    double[][] q = new double[rows][dimension];
    for (int r = 0; r < rows; r++) {
      for (int k = 0; k < dimension; k++) {
        q[r][k] = random.nextGaussian();
      }
      for (int s = 0; s < r; s++) {
        double dot = 0;
        for (int k = 0; k < dimension; k++) {
          dot += q[r][k] * q[s][k];
        }
        for (int k = 0; k < dimension; k++) {
          q[r][k] -= dot * q[s][k];
        }
      }
      double norm = 0;
      for (int k = 0; k < dimension; k++) {
        norm += q[r][k] * q[r][k];
      }
      for (int k = 0; k < dimension; k++) {
        q[r][k] /= Math.sqrt(norm);
      }
    }
    return q;
  }
}
