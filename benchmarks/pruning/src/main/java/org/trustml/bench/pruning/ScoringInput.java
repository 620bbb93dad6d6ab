package org.trustml.bench.pruning;

import java.util.SplittableRandom;

/**
 * Embeddings the scoring-speed run scores.
 *
 * @param points      row-major n×dimension
 * @param labels      class per point
 * @param description where they come from, for RESULTS.md
 */
record ScoringInput(double[] points, int dimension, int[] labels, String description) {

  /**
   * Stand-in used only where Fashion-MNIST is absent: n points in R^d in the given number of classes (label i mod
   * classes), each class a Gaussian N(μ_c, I) with μ_c ~ N(0, 4·I), fixed seed.
   */
  static ScoringInput standIn(int n, int dimension, int classes, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] centres = new double[classes * dimension];
    for (int i = 0; i < centres.length; i++) {
      centres[i] = 2 * gaussian(random);
    }
    double[] points = new double[n * dimension];
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      labels[i] = i % classes;
      for (int k = 0; k < dimension; k++) {
        points[i * dimension + k] = centres[labels[i] * dimension + k] + gaussian(random);
      }
    }
    return new ScoringInput(points, dimension, labels, PruningBenchmark.f("**random stand-in embeddings, not "
        + "Fashion-MNIST** (the datasets folder has no Fashion-MNIST): %,d points in R^%d, %d classes of equal size, "
        + "class c ~ N(μ_c, I) with μ_c ~ N(0, 4·I), seed %d", n, dimension, classes, seed));
  }

  /** Box–Muller; SplittableRandom has no nextGaussian in Java 17. */
  private static double gaussian(SplittableRandom random) {
    double u = 1 - random.nextDouble();
    double v = random.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
}
