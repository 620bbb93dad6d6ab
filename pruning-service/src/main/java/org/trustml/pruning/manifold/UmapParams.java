package org.trustml.pruning.manifold;

/**
 * The note's {@code umap.*} switches (§2.1).
 *
 * @param k               neighbours per point (umap.k), ≥ 2
 * @param metric          input-space dissimilarity (umap.metric)
 * @param dimension       embedding dimension d (umap.dim), 1 … 10
 * @param minDist         umap.minDist
 * @param spread          UMAP's spread (1 in umap-learn)
 * @param epochs          SGD epochs; 0 = the note's default (500 for n ≤ 10,000 points, else 200)
 * @param negativeSamples negative samples per positive one (umap.negativeSamples)
 * @param knn             how the kNN graph is built
 * @param seed            master seed: the same seed and input give the same embedding
 */
public record UmapParams(int k, Metric metric, int dimension, double minDist, double spread, int epochs,
    int negativeSamples, KnnMethod knn, long seed) {

  /** How the kNN graph is built. */
  public enum KnnMethod {
    /** Brute force below {@link #AUTO_EXACT_LIMIT} points, NN-descent above. */
    AUTO,
    /** Brute force. */
    EXACT,
    /** NN-descent. */
    NN_DESCENT
  }

  /** With AUTO, brute force up to this many points (its n²/2 distances cost about as much as NN-descent there). */
  public static final int AUTO_EXACT_LIMIT = 10_000;

  /** Validates the values. */
  public UmapParams {
    if (k < 2) {
      throw new IllegalArgumentException("umap.k must be ≥ 2, got " + k);
    }
    if (dimension < 1 || dimension > 10) {
      throw new IllegalArgumentException("umap.dim must be in 1 … 10, got " + dimension);
    }
    if (epochs < 0 || negativeSamples < 0) {
      throw new IllegalArgumentException("epochs and negativeSamples must be ≥ 0, got " + epochs + ", "
          + negativeSamples);
    }
    CurveParameters.fit(minDist, spread);
  }

  /** The note's defaults: k 15, cosine, 8 dimensions, minDist 0.1, spread 1, automatic epochs, 5 negatives. */
  public static UmapParams defaults(long seed) {
    return new UmapParams(15, Metric.COSINE, 8, 0.1, 1.0, 0, 5, KnnMethod.AUTO, seed);
  }

  /** The same with another embedding dimension. */
  public UmapParams withDimension(int d) {
    return new UmapParams(k, metric, d, minDist, spread, epochs, negativeSamples, knn, seed);
  }

  /** The same with another seed. */
  public UmapParams withSeed(long s) {
    return new UmapParams(k, metric, dimension, minDist, spread, epochs, negativeSamples, knn, s);
  }

  /** The same with another number of epochs (0 = automatic). */
  public UmapParams withEpochs(int e) {
    return new UmapParams(k, metric, dimension, minDist, spread, e, negativeSamples, knn, seed);
  }

  /** The same with another kNN method. */
  public UmapParams withKnn(KnnMethod method) {
    return new UmapParams(k, metric, dimension, minDist, spread, epochs, negativeSamples, method, seed);
  }

  /** Epochs for n points: the given number, or the note's default. */
  public int epochsFor(int n) {
    return epochs > 0 ? epochs : (n > 10_000 ? 200 : 500);
  }
}
