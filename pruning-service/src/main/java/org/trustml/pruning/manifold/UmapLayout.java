package org.trustml.pruning.manifold;

import java.util.SplittableRandom;
import java.util.function.IntConsumer;

/**
 * UMAP's layout optimisation (arXiv 1802.03426, §3.2; umap-learn {@code optimize_layout_euclidean}): SGD on the
 * fuzzy cross-entropy between the graph and 1 / (1 + a·d^{2b}) in the embedding. Edge e is sampled every
 * max(w)/w_e epochs and then pulls its ends together; each sample also pushes the head away from
 * {@code negativeSamples} uniformly drawn points. The learning rate decays linearly from 1; gradients are clipped to
 * ±4 per coordinate; edges lighter than max(w)/epochs are dropped, all as umap-learn does.
 *
 * <p>Single-threaded, so a seed fixes the result bit for bit (umap-learn's parallel Hogwild updates do not). The
 * initial layout is uniform in [0, 10]^d, umap-learn's {@code init="random"} after its rescaling, or the spectral
 * layout of {@link SpectralInit} ({@link UmapParams.Init}).
 */
public final class UmapLayout {

  static final double CLIP = 4;
  static final double INITIAL_LEARNING_RATE = 1;
  static final double REPULSION_STRENGTH = 1;
  static final double INIT_EXTENT = 10;

  private UmapLayout() {}

  /** Uniform random starting coordinates in [0, 10]^d. */
  public static double[] randomInit(int n, int dimension, SplittableRandom random) {
    double[] u = new double[n * dimension];
    for (int i = 0; i < u.length; i++) {
      u[i] = INIT_EXTENT * random.nextDouble();
    }
    return u;
  }

  /**
   * Optimises a layout in place.
   *
   * @param graph     symmetric fuzzy graph (not modified)
   * @param embedding n×d row-major starting coordinates (modified: the result)
   * @param curve     a, b of the low-dimensional similarity
   * @param epochs    number of epochs ≥ 1
   * @param negatives negative samples per positive sample
   * @param random    the source of negative samples
   */
  public static void optimize(WeightedEdges graph, double[] embedding, int dimension, CurveParameters curve,
      int epochs, int negatives, SplittableRandom random) {
    optimize(graph, embedding, dimension, curve, epochs, negatives, random, epoch -> {});
  }

  /** The same, calling {@code afterEpoch} with the 1-based number of each finished epoch. */
  public static void optimize(WeightedEdges graph, double[] embedding, int dimension, CurveParameters curve,
      int epochs, int negatives, SplittableRandom random, IntConsumer afterEpoch) {
    int n = graph.size();
    int edges = graph.edgeCount();
    double maxWeight = 0;
    for (double w : graph.weights()) {
      maxWeight = Math.max(maxWeight, w);
    }
    double[] epochsPerSample = new double[edges];
    for (int e = 0; e < edges; e++) {
      double w = graph.weights()[e];
      // umap-learn drops edges that would be sampled less than once
      epochsPerSample[e] = w < maxWeight / epochs ? -1 : maxWeight / w;
    }
    double[] nextSample = epochsPerSample.clone();
    double[] negativeEvery = new double[edges];
    double[] nextNegative = new double[edges];
    for (int e = 0; e < edges; e++) {
      negativeEvery[e] = negatives == 0 ? Double.POSITIVE_INFINITY : epochsPerSample[e] / negatives;
      nextNegative[e] = negativeEvery[e];
    }
    double a = curve.a();
    double b = curve.b();
    int[] heads = graph.heads();
    int[] tails = graph.tails();
    for (int epoch = 0; epoch < epochs; epoch++) {
      double alpha = INITIAL_LEARNING_RATE * (1 - epoch / (double) epochs);
      for (int e = 0; e < edges; e++) {
        if (epochsPerSample[e] <= 0 || nextSample[e] > epoch) {
          continue;
        }
        int j = heads[e];
        int k = tails[e];
        double d2 = squaredDistance(embedding, dimension, j, k);
        double attract = d2 > 0 ? -2 * a * b * Math.pow(d2, b - 1) / (a * Math.pow(d2, b) + 1) : 0;
        move(embedding, dimension, j, k, attract, alpha, true);
        nextSample[e] += epochsPerSample[e];
        int samples = (int) ((epoch - nextNegative[e]) / negativeEvery[e]);
        for (int s = 0; s < samples; s++) {
          int other = random.nextInt(n);
          if (other == j) {
            continue;
          }
          double o2 = squaredDistance(embedding, dimension, j, other);
          if (o2 <= 0) {
            continue;
          }
          double repel = 2 * REPULSION_STRENGTH * b / ((0.001 + o2) * (a * Math.pow(o2, b) + 1));
          move(embedding, dimension, j, other, repel, alpha, false);
        }
        nextNegative[e] += samples * negativeEvery[e];
      }
      afterEpoch.accept(epoch + 1);
    }
  }

  private static double squaredDistance(double[] u, int dimension, int i, int j) {
    double s = 0;
    for (int c = 0; c < dimension; c++) {
      double d = u[i * dimension + c] - u[j * dimension + c];
      s += d * d;
    }
    return s;
  }

  private static void move(double[] u, int dimension, int j, int k, double coefficient, double alpha,
      boolean moveOther) {
    for (int c = 0; c < dimension; c++) {
      double g = coefficient * (u[j * dimension + c] - u[k * dimension + c]);
      g = Math.max(-CLIP, Math.min(CLIP, g)) * alpha;
      u[j * dimension + c] += g;
      if (moveOther) {
        u[k * dimension + c] -= g;
      }
    }
  }
}
