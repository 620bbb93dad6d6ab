package org.trustml.pruning.manifold;

import java.util.SplittableRandom;

/**
 * UMAP of one point set: kNN graph → fuzzy simplicial set → SGD layout. Deterministic: one seeded
 * {@link SplittableRandom} is split into a stream for NN-descent and one for the layout, and nothing runs in
 * parallel inside one call (callers parallelise over classes, see {@link ManifoldStage}).
 */
public final class Umap {

  private Umap() {}

  /**
   * @param points row-major, {@code inputDimension} values per row (not modified)
   * @return n×{@code params.dimension()} row-major embedding
   */
  public static double[] embed(double[] points, int inputDimension, UmapParams params) {
    return embed(points, inputDimension, params, ManifoldListener.NONE);
  }

  /** The same, telling {@code listener} as each step ends. */
  public static double[] embed(double[] points, int inputDimension, UmapParams params, ManifoldListener listener) {
    return embed(points, inputDimension, params, listener, 1);
  }

  /**
   * The same, with HNSW's searches (only those: they are independent reads of a built index) on {@code knnThreads}
   * threads; the result does not depend on it.
   */
  public static double[] embed(double[] points, int inputDimension, UmapParams params, ManifoldListener listener,
      int knnThreads) {
    int n = points.length / inputDimension;
    if (n < 2) {
      // a single point has nowhere to go; UMAP is undefined, the origin is the honest answer
      return new double[n * params.dimension()];
    }
    SplittableRandom master = new SplittableRandom(params.seed());
    SplittableRandom knnRandom = master.split();
    SplittableRandom layoutRandom = master.split();
    int k = Math.min(params.k(), n - 1);
    KnnGraph knn = knnGraph(points, inputDimension, k, params, knnRandom.nextLong(), knnThreads);
    listener.knnDone(n);
    WeightedEdges graph = FuzzySimplicialSet.of(knn).symmetrize();
    listener.fuzzySetDone(n);
    double[] embedding = params.init() == UmapParams.Init.SPECTRAL
        ? SpectralInit.layout(graph, params.dimension(), layoutRandom) : null;
    if (embedding == null) {
      embedding = UmapLayout.randomInit(n, params.dimension(), layoutRandom);
    }
    int epochs = params.epochsFor(n);
    UmapLayout.optimize(graph, embedding, params.dimension(), CurveParameters.fit(params.minDist(), params.spread()),
        epochs, params.negativeSamples(), layoutRandom, epoch -> listener.layoutEpochDone(n, epoch, epochs));
    return embedding;
  }

  /** The kNN graph by the chosen method (HNSW at its default parameters, searching on one thread). */
  public static KnnGraph knnGraph(double[] points, int dimension, int k, Metric metric, UmapParams.KnnMethod method,
      long seed) {
    return knnGraph(points, dimension, k, metric, method, UmapParams.DEFAULT_HNSW_M,
        UmapParams.DEFAULT_HNSW_EF_CONSTRUCTION, UmapParams.defaultHnswEf(k), seed, 1);
  }

  /** The kNN graph by {@code params}' method, metric and HNSW parameters. */
  public static KnnGraph knnGraph(double[] points, int dimension, int k, UmapParams params, long seed, int threads) {
    return knnGraph(points, dimension, k, params.metric(), params.knn(), params.hnswM(), params.hnswEfConstruction(),
        params.hnswEfFor(k), seed, threads);
  }

  private static KnnGraph knnGraph(double[] points, int dimension, int k, Metric metric, UmapParams.KnnMethod method,
      int hnswM, int hnswEfConstruction, int hnswEf, long seed, int threads) {
    return switch (effective(method, points.length / dimension)) {
      case EXACT -> ExactNearestNeighbors.compute(points, dimension, k, metric);
      case NN_DESCENT -> NearestNeighborDescent.compute(points, dimension, k, metric, seed);
      case HNSW -> HnswNearestNeighbors.compute(points, dimension, k, metric, hnswM, hnswEfConstruction, hnswEf, seed,
          threads);
      case AUTO -> throw new IllegalStateException("AUTO is resolved above");
    };
  }

  /** The method AUTO stands for at n points (the others stand for themselves). */
  public static UmapParams.KnnMethod effective(UmapParams.KnnMethod method, int n) {
    if (method != UmapParams.KnnMethod.AUTO) {
      return method;
    }
    return n <= UmapParams.AUTO_EXACT_LIMIT ? UmapParams.KnnMethod.EXACT : UmapParams.KnnMethod.NN_DESCENT;
  }
}
