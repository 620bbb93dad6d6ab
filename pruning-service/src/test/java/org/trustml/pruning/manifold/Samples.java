package org.trustml.pruning.manifold;

import java.util.Random;

/** Seeded synthetic point sets for the manifold tests, row-major. */
final class Samples {

  private Samples() {}

  /** n points with independent N(0, 1) coordinates in R^d. */
  static double[] gaussian(Random random, int n, int d) {
    double[] x = new double[n * d];
    for (int i = 0; i < x.length; i++) {
      x[i] = random.nextGaussian();
    }
    return x;
  }

  /** The swiss roll in R^3 (scikit-learn's make_swiss_roll without noise): t ∈ [1.5π, 4.5π], height in [0, 21]. */
  static double[] swissRoll(Random random, int n) {
    double[] x = new double[n * 3];
    for (int i = 0; i < n; i++) {
      double t = 1.5 * Math.PI * (1 + 2 * random.nextDouble());
      x[3 * i] = t * Math.cos(t);
      x[3 * i + 1] = 21 * random.nextDouble();
      x[3 * i + 2] = t * Math.sin(t);
    }
    return x;
  }

  /** Two N(0, 1) clusters in R^d whose centres are {@code gap} apart along the first axis; first half label 0. */
  static double[] twoClusters(Random random, int perCluster, int d, double gap) {
    double[] x = gaussian(random, 2 * perCluster, d);
    for (int i = perCluster; i < 2 * perCluster; i++) {
      x[i * d] += gap;
    }
    return x;
  }
}
