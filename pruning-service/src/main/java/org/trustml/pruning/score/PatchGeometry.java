package org.trustml.pruning.score;

import org.trustml.pruning.topology.PointCloud;

/** Distances within one small patch, row-major points. */
final class PatchGeometry {

  private PatchGeometry() {}

  static double distance(double[] points, int dimension, int a, int b) {
    double s = 0;
    for (int c = 0; c < dimension; c++) {
      double d = points[a * dimension + c] - points[b * dimension + c];
      s += d * d;
    }
    return Math.sqrt(s);
  }

  /** max or mean of the pairwise distances; 1 for a patch of coincident points, so ratios stay finite. */
  static double normaliser(double[] points, int dimension, LocalScoreParams.DistNorm norm) {
    int m = points.length / dimension;
    double max = 0;
    double sum = 0;
    for (int a = 0; a < m; a++) {
      for (int b = a + 1; b < m; b++) {
        double d = distance(points, dimension, a, b);
        max = Math.max(max, d);
        sum += d;
      }
    }
    double value = norm == LocalScoreParams.DistNorm.MAX ? max : (m < 2 ? 0 : sum / (m * (m - 1) / 2.0));
    return value > 0 ? value : 1;
  }

  static PointCloud cloud(double[] points, int dimension) {
    return PointCloud.ofRowMajor(points, dimension);
  }

  /** The rows {@code members} of a row-major matrix. */
  static double[] gather(double[] rows, int dimension, int[] members) {
    double[] out = new double[members.length * dimension];
    for (int m = 0; m < members.length; m++) {
      System.arraycopy(rows, members[m] * dimension, out, m * dimension, dimension);
    }
    return out;
  }
}
