package org.trustml.pruning.score;

import org.trustml.pruning.manifold.KnnGraph;
import org.trustml.pruning.manifold.Metric;
import org.trustml.pruning.manifold.Umap;
import org.trustml.pruning.manifold.UmapParams;

/**
 * The patch of every point: the point itself (first) and its patchK nearest neighbours in the embedding u, by
 * Euclidean distance; fewer when the group is smaller. Brute force up to {@link UmapParams#AUTO_EXACT_LIMIT}
 * points, NN-descent above (seeded, so patches are reproducible).
 */
final class Patches {

  private Patches() {}

  /**
   * @param embedded n×dimension row-major (not modified)
   * @return n patches of local indices, each {i, its neighbours nearest first}
   */
  static int[][] of(double[] embedded, int dimension, int patchK, long seed) {
    int n = embedded.length / dimension;
    int k = Math.min(patchK, n - 1);
    int[][] patches = new int[n][];
    if (k < 1) {
      for (int i = 0; i < n; i++) {
        patches[i] = new int[] {i};
      }
      return patches;
    }
    KnnGraph knn = Umap.knnGraph(embedded, dimension, k, Metric.EUCLIDEAN, UmapParams.KnnMethod.AUTO, seed);
    for (int i = 0; i < n; i++) {
      int[] p = new int[k + 1];
      p[0] = i;
      for (int r = 0; r < k; r++) {
        p[r + 1] = knn.neighbor(i, r);
      }
      patches[i] = p;
    }
    return patches;
  }
}
