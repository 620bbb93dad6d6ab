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
 * @param init            the SGD's starting layout (umap.init)
 * @param hnswM           with {@link KnnMethod#HNSW}: links per point and layer (the paper's M, ≥ 2; 2M on
 *                        layer 0)
 * @param hnswEfConstruction with HNSW: the beam width while building (≥ 1)
 * @param hnswEf          with HNSW: the beam width while searching, ≥ k; 0 = max(2k, 64)
 */
public record UmapParams(int k, Metric metric, int dimension, double minDist, double spread, int epochs,
    int negativeSamples, KnnMethod knn, long seed, Init init, int hnswM, int hnswEfConstruction, int hnswEf) {

  /** HNSW's defaults: M = 16 and efConstruction = 200 (hnswlib's recommended values); ef automatic. */
  public static final int DEFAULT_HNSW_M = 16;
  public static final int DEFAULT_HNSW_EF_CONSTRUCTION = 200;

  /** The starting layout of the SGD. */
  public enum Init {
    /** Uniform in [0, 10]^d (umap-learn's {@code init="random"}). */
    RANDOM,
    /**
     * The fuzzy graph's Laplacian eigenmap scaled to [0, 10]^d (umap-learn's default, {@link SpectralInit}); a graph
     * in several components starts at random instead.
     */
    SPECTRAL
  }

  /** HNSW at its defaults, as before the HNSW switches existed. */
  public UmapParams(int k, Metric metric, int dimension, double minDist, double spread, int epochs,
      int negativeSamples, KnnMethod knn, long seed, Init init) {
    this(k, metric, dimension, minDist, spread, epochs, negativeSamples, knn, seed, init, DEFAULT_HNSW_M,
        DEFAULT_HNSW_EF_CONSTRUCTION, 0);
  }

  /** The random start, as before the init switch existed. */
  public UmapParams(int k, Metric metric, int dimension, double minDist, double spread, int epochs,
      int negativeSamples, KnnMethod knn, long seed) {
    this(k, metric, dimension, minDist, spread, epochs, negativeSamples, knn, seed, Init.RANDOM);
  }

  /** How the kNN graph is built. */
  public enum KnnMethod {
    /** Brute force below {@link #AUTO_EXACT_LIMIT} points, NN-descent above. */
    AUTO,
    /** Brute force. */
    EXACT,
    /** NN-descent. */
    NN_DESCENT,
    /** HNSW ({@link HnswNearestNeighbors}) with {@link #hnswM}, {@link #hnswEfConstruction}, {@link #hnswEf}. */
    HNSW
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
    if (init == null) {
      throw new IllegalArgumentException("umap.init must be given");
    }
    if (hnswM < 2) {
      throw new IllegalArgumentException("umap.hnswM must be ≥ 2, got " + hnswM);
    }
    if (hnswEfConstruction < 1) {
      throw new IllegalArgumentException("umap.hnswEfConstruction must be ≥ 1, got " + hnswEfConstruction);
    }
    if (hnswEf != 0 && hnswEf < k) {
      throw new IllegalArgumentException("umap.hnswEf must be ≥ umap.k = " + k + " (or 0 for max(2k, 64)), got "
          + hnswEf);
    }
  }

  /**
   * The note's defaults: k 15, cosine, 8 dimensions, minDist 0.1, spread 1, automatic epochs, 5 negatives; the random
   * start, which every committed evaluation used (the note's spectral default is {@link #withInit} until the
   * evaluation has compared the two).
   */
  public static UmapParams defaults(long seed) {
    return new UmapParams(15, Metric.COSINE, 8, 0.1, 1.0, 0, 5, KnnMethod.AUTO, seed);
  }

  /** The same with another embedding dimension. */
  public UmapParams withDimension(int d) {
    return new UmapParams(k, metric, d, minDist, spread, epochs, negativeSamples, knn, seed, init,
        hnswM, hnswEfConstruction, hnswEf);
  }

  /** The same with another seed. */
  public UmapParams withSeed(long s) {
    return new UmapParams(k, metric, dimension, minDist, spread, epochs, negativeSamples, knn, s, init,
        hnswM, hnswEfConstruction, hnswEf);
  }

  /** The same with another number of epochs (0 = automatic). */
  public UmapParams withEpochs(int e) {
    return new UmapParams(k, metric, dimension, minDist, spread, e, negativeSamples, knn, seed, init,
        hnswM, hnswEfConstruction, hnswEf);
  }

  /** The same with another kNN method. */
  public UmapParams withKnn(KnnMethod method) {
    return new UmapParams(k, metric, dimension, minDist, spread, epochs, negativeSamples, method, seed, init,
        hnswM, hnswEfConstruction, hnswEf);
  }

  /** The same with another starting layout. */
  public UmapParams withInit(Init i) {
    return new UmapParams(k, metric, dimension, minDist, spread, epochs, negativeSamples, knn, seed, i,
        hnswM, hnswEfConstruction, hnswEf);
  }

  /** The same with other HNSW parameters (ef 0 = automatic). */
  public UmapParams withHnsw(int m, int efConstruction, int ef) {
    return new UmapParams(k, metric, dimension, minDist, spread, epochs, negativeSamples, knn, seed, init, m,
        efConstruction, ef);
  }

  /** HNSW's search beam: the given ef, or max(2k, 64). */
  public int hnswEfFor(int neighbours) {
    return hnswEf > 0 ? hnswEf : defaultHnswEf(neighbours);
  }

  /** The automatic ef for k neighbours: max(2k, 64). */
  public static int defaultHnswEf(int neighbours) {
    return Math.max(2 * neighbours, 64);
  }

  /** Epochs for n points: the given number, or the note's default. */
  public int epochsFor(int n) {
    return epochs > 0 ? epochs : (n > 10_000 ? 200 : 500);
  }
}
