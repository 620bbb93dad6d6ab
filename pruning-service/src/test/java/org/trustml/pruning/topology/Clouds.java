package org.trustml.pruning.topology;

import java.util.Random;

/** Point clouds for the tests: closed-form shapes and seeded random ones. */
final class Clouds {

  private Clouds() {}

  /** n points evenly on a circle of radius r in the plane. */
  static PointCloud circle(int n, double r) {
    double[][] rows = new double[n][];
    for (int i = 0; i < n; i++) {
      double angle = 2 * Math.PI * i / n;
      rows[i] = new double[] {r * Math.cos(angle), r * Math.sin(angle)};
    }
    return PointCloud.of(rows);
  }

  /** A side×side grid with the given spacing, shifted by (x0, 0). */
  static double[][] grid(int side, double spacing, double x0) {
    double[][] rows = new double[side * side][];
    for (int i = 0; i < side; i++) {
      for (int j = 0; j < side; j++) {
        rows[i * side + j] = new double[] {x0 + i * spacing, j * spacing};
      }
    }
    return rows;
  }

  /** n points with independent standard normal coordinates in R^d. */
  static PointCloud gaussian(Random random, int n, int d) {
    double[][] rows = new double[n][d];
    for (double[] row : rows) {
      for (int k = 0; k < d; k++) {
        row[k] = random.nextGaussian();
      }
    }
    return PointCloud.of(rows);
  }

  /** n points on a noisy circle of radius 1 in the first two coordinates of R^d. */
  static PointCloud noisyCircle(Random random, int n, int d, double noise) {
    double[][] rows = new double[n][d];
    for (int i = 0; i < n; i++) {
      double angle = 2 * Math.PI * random.nextDouble();
      rows[i][0] = Math.cos(angle);
      rows[i][1] = Math.sin(angle);
      for (int k = 0; k < d; k++) {
        rows[i][k] += noise * random.nextGaussian();
      }
    }
    return PointCloud.of(rows);
  }

  static double[][] concat(double[][] a, double[][] b) {
    double[][] rows = new double[a.length + b.length][];
    System.arraycopy(a, 0, rows, 0, a.length);
    System.arraycopy(b, 0, rows, a.length, b.length);
    return rows;
  }
}
