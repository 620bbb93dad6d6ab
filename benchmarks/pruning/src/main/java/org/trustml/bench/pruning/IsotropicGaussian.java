package org.trustml.bench.pruning;

import java.util.Random;
import org.trustml.pruning.topology.PointCloud;

/** n points with independent standard normal coordinates in R^D: no low-dimensional structure, few long cycles. */
final class IsotropicGaussian {

  private IsotropicGaussian() {}

  static PointCloud sample(int n, int dimension, long seed) {
    Random random = new Random(seed);
    double[] coordinates = new double[n * dimension];
    for (int i = 0; i < coordinates.length; i++) {
      coordinates[i] = random.nextGaussian();
    }
    return PointCloud.ofRowMajor(coordinates, dimension);
  }
}
