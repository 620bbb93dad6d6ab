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
    int n = points.length / inputDimension;
    if (n < 2) {
      // a single point has nowhere to go; UMAP is undefined, the origin is the honest answer
      return new double[n * params.dimension()];
    }
    SplittableRandom master = new SplittableRandom(params.seed());
    SplittableRandom knnRandom = master.split();
    SplittableRandom layoutRandom = master.split();
    int k = Math.min(params.k(), n - 1);
    KnnGraph knn = knnGraph(points, inputDimension, k, params.metric(), params.knn(), knnRandom.nextLong());
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

  /** The kNN graph by the chosen method. */
  public static KnnGraph knnGraph(double[] points, int dimension, int k, Metric metric, UmapParams.KnnMethod method,
      long seed) {
    int n = points.length / dimension;
    boolean exact = method == UmapParams.KnnMethod.EXACT
        || (method == UmapParams.KnnMethod.AUTO && n <= UmapParams.AUTO_EXACT_LIMIT);
    return exact ? ExactNearestNeighbors.compute(points, dimension, k, metric)
        : NearestNeighborDescent.compute(points, dimension, k, metric, seed);
  }
}
