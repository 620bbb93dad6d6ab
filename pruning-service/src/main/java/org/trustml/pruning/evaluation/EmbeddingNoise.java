package org.trustml.pruning.evaluation;

import java.util.Arrays;
import java.util.Random;

/**
 * Gaussian noise on latent embeddings at a scale relative to the data: σ = factor × the median distance of a point
 * to its nearest neighbour (the design note's robustness protocol).
 */
public final class EmbeddingNoise {

  private EmbeddingNoise() {}

  /**
   * The median over sampled points of the Euclidean distance to the nearest other point (all points searched).
   * Sampling keeps it O(sample·n·d) instead of O(n²·d); a duplicate point gives distance 0.
   *
   * @param sample how many points to take the median over (all when larger than n), chosen seeded without
   *               replacement
   * @throws IllegalArgumentException for fewer than two points or a sample below 1
   */
  public static double medianNearestNeighborDistance(float[][] z, int sample, long seed) {
    int n = z.length;
    if (n < 2 || sample < 1) {
      throw new IllegalArgumentException("need at least two points and a sample ≥ 1, got " + n + ", " + sample);
    }
    int[] order = shuffled(n, seed);
    int m = Math.min(sample, n);
    double[] nearest = new double[m];
    for (int s = 0; s < m; s++) {
      int i = order[s];
      double best = Double.POSITIVE_INFINITY;
      for (int j = 0; j < n; j++) {
        if (j != i) {
          best = Math.min(best, squaredDistance(z[i], z[j], best));
        }
      }
      nearest[s] = Math.sqrt(best);
    }
    Arrays.sort(nearest);
    return m % 2 == 1 ? nearest[m / 2] : (nearest[m / 2 - 1] + nearest[m / 2]) / 2;
  }

  /** A copy of {@code z} with independent N(0, σ²) noise added to every coordinate, seeded. */
  public static float[][] perturbed(float[][] z, double sigma, long seed) {
    if (!(sigma >= 0) || Double.isInfinite(sigma)) {
      throw new IllegalArgumentException("noise σ must be finite and ≥ 0, got " + sigma);
    }
    Random random = new Random(seed);
    float[][] out = new float[z.length][];
    for (int i = 0; i < z.length; i++) {
      out[i] = new float[z[i].length];
      for (int k = 0; k < z[i].length; k++) {
        out[i][k] = (float) (z[i][k] + sigma * random.nextGaussian());
      }
    }
    return out;
  }

  /** Squared distance, stopping early once it exceeds {@code bound} (then any value above it is returned). */
  private static double squaredDistance(float[] a, float[] b, double bound) {
    double s = 0;
    for (int k = 0; k < a.length; k++) {
      double d = (double) a[k] - b[k];
      s += d * d;
      if (s > bound) {
        return s;
      }
    }
    return s;
  }

  private static int[] shuffled(int n, long seed) {
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Random random = new Random(seed);
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    return order;
  }
}
