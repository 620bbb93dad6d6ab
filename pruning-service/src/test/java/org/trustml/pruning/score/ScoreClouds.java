package org.trustml.pruning.score;

import java.util.Random;

/** Seeded point sets for the score tests, row-major in the plane. */
final class ScoreClouds {

  static final int CORE = 200;
  static final int RING = 60;
  static final int OUTLIERS = 10;

  private ScoreClouds() {}

  /**
   * The note's sanity set: a dense Gaussian core (sd 0.3) at the origin, a ring of radius 3 (noise 0.05) around
   * it, and outliers at radius 4.5 … 6; rows in that order.
   */
  static double[] coreRingOutliers(long seed) {
    Random random = new Random(seed);
    double[] x = new double[2 * (CORE + RING + OUTLIERS)];
    int i = 0;
    for (int c = 0; c < CORE; c++, i++) {
      x[2 * i] = 0.3 * random.nextGaussian();
      x[2 * i + 1] = 0.3 * random.nextGaussian();
    }
    for (int r = 0; r < RING; r++, i++) {
      double angle = 2 * Math.PI * r / RING;
      x[2 * i] = 3 * Math.cos(angle) + 0.05 * random.nextGaussian();
      x[2 * i + 1] = 3 * Math.sin(angle) + 0.05 * random.nextGaussian();
    }
    for (int o = 0; o < OUTLIERS; o++, i++) {
      double angle = 2 * Math.PI * random.nextDouble();
      double radius = 4.5 + 1.5 * random.nextDouble();
      x[2 * i] = radius * Math.cos(angle);
      x[2 * i + 1] = radius * Math.sin(angle);
    }
    return x;
  }
}
