package org.trustml.pruning.manifold;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.trustml.pruning.parallel.OrderedTasks;

/**
 * The global stage G of the design note: normalise, then embed per class or globally. Classes run in parallel on
 * {@code threads} threads; each class gets its own seed split from the master seed in label order, so the output is
 * identical for any thread count.
 */
public final class ManifoldStage {

  private ManifoldStage() {}

  /**
   * @param points    n×dimension row-major latent embeddings (not modified)
   * @param labels    class per sample, n entries (not modified)
   */
  public static ManifoldEmbedding run(double[] points, int dimension, int[] labels, ManifoldParams params) {
    return run(points, dimension, labels, params, ManifoldListener.NONE);
  }

  /** The same, telling {@code listener} as each class's UMAP advances. */
  public static ManifoldEmbedding run(double[] points, int dimension, int[] labels, ManifoldParams params,
      ManifoldListener listener) {
    int n = points.length / dimension;
    if (labels.length != n) {
      throw new IllegalArgumentException(n + " points but " + labels.length + " labels");
    }
    double[] z = params.normalize() == ManifoldParams.Normalization.L2 ? l2Normalized(points, dimension)
        : points.clone();
    List<int[]> groups = params.scope() == ManifoldParams.Scope.PER_CLASS ? ClassIndex.members(labels)
        : List.of(ClassIndex.all(n));
    if (params.method() == ManifoldParams.Method.IDENTITY) {
      return new ManifoldEmbedding(z, dimension, z.clone(), dimension);
    }
    int d = params.umap().dimension();
    double[] u = new double[n * d];
    SplittableRandom master = new SplittableRandom(params.umap().seed());
    long[] seeds = new long[groups.size()];
    for (int g = 0; g < seeds.length; g++) {
      seeds[g] = master.split().nextLong();
    }
    // threads the classes leave idle search HNSW indexes (a global scope is one group)
    int knnThreads = Math.max(1, params.threads() / Math.max(1, groups.size()));
    List<Callable<double[]>> tasks = new ArrayList<>();
    for (int g = 0; g < groups.size(); g++) {
      int[] members = groups.get(g);
      UmapParams classParams = params.umap().withSeed(seeds[g]);
      tasks.add(() -> params.method() == ManifoldParams.Method.PCA
          ? PrincipalComponents.project(ClassIndex.gather(z, dimension, members), dimension, d)
          : Umap.embed(ClassIndex.gather(z, dimension, members), dimension, classParams, listener, knnThreads));
    }
    List<double[]> embedded = OrderedTasks.run(params.threads(), tasks, "embedding");
    for (int g = 0; g < groups.size(); g++) {
      ClassIndex.scatter(embedded.get(g), d, groups.get(g), u);
    }
    return new ManifoldEmbedding(z, dimension, u, d);
  }

  /** Rows of float embeddings as the row-major doubles {@link #run} takes. */
  public static double[] rowMajor(float[][] rows) {
    int d = rows.length == 0 ? 0 : rows[0].length;
    double[] out = new double[rows.length * d];
    for (int i = 0; i < rows.length; i++) {
      for (int k = 0; k < d; k++) {
        out[i * d + k] = rows[i][k];
      }
    }
    return out;
  }

  /** Each row divided by its Euclidean norm (a zero row stays zero). */
  public static double[] l2Normalized(double[] points, int dimension) {
    double[] out = points.clone();
    for (int o = 0; o < out.length; o += dimension) {
      double s = 0;
      for (int c = 0; c < dimension; c++) {
        s += out[o + c] * out[o + c];
      }
      if (s > 0) {
        double inv = 1 / Math.sqrt(s);
        for (int c = 0; c < dimension; c++) {
          out[o + c] *= inv;
        }
      }
    }
    return out;
  }
}
