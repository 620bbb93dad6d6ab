package org.trustml.pruning.score;

import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;
import org.trustml.pruning.manifold.ClassIndex;
import org.trustml.pruning.manifold.ManifoldEmbedding;
import org.trustml.pruning.manifold.ManifoldParams;
import org.trustml.pruning.parallel.OrderedTasks;

/**
 * The local stage L of the design note: the structural-complexity score of every sample. Per group (class, or all
 * samples for global scope) each point's patch is scored by {@link PatchScorer}; a sample's score is the sum of its
 * contributions over all patches that contain it divided by the number of those patches. High = topologically busy
 * (borders, bridges, loops, sparse tails), low = redundant interior.
 *
 * <p>Patches are scored on {@code threads} threads; each patch writes only its own slot and the contributions are
 * summed afterwards in patch order on one thread, so the scores are bit-identical for any thread count.
 */
public final class StructuralComplexityScorer {

  private StructuralComplexityScorer() {}

  /**
   * @param manifold latent z and embedded u of every sample
   * @param labels   class per sample (not modified)
   * @param scope    per class (patches never cross classes) or global
   * @param seed     seeds NN-descent for groups too large for brute-force patches
   * @return one score per sample, ≥ 0
   */
  public static double[] score(ManifoldEmbedding manifold, int[] labels, ManifoldParams.Scope scope,
      LocalScoreParams params, long seed) {
    return score(manifold, labels, scope, params, seed, () -> {});
  }

  /**
   * The same, calling {@code patchDone} once per scored patch from the scoring threads (so it must be thread-safe);
   * an exception it throws stops the scoring and reaches the caller. Listening never changes the scores.
   */
  public static double[] score(ManifoldEmbedding manifold, int[] labels, ManifoldParams.Scope scope,
      LocalScoreParams params, long seed, Runnable patchDone) {
    int n = manifold.size();
    if (labels.length != n) {
      throw new IllegalArgumentException(n + " samples but " + labels.length + " labels");
    }
    List<int[]> groups = scope == ManifoldParams.Scope.PER_CLASS ? ClassIndex.members(labels)
        : List.of(ClassIndex.all(n));
    double[] scores = new double[n];
    ForkJoinPool pool = new ForkJoinPool(params.threads());
    try {
      for (int[] members : groups) {
        scoreGroup(manifold, members, params, seed, pool, scores, patchDone);
      }
    } finally {
      pool.shutdownNow();
    }
    return scores;
  }

  private static void scoreGroup(ManifoldEmbedding manifold, int[] members, LocalScoreParams params, long seed,
      ForkJoinPool pool, double[] scores, Runnable patchDone) {
    int latentDimension = manifold.latentDimension();
    int dimension = manifold.dimension();
    double[] z = ClassIndex.gather(manifold.latent(), latentDimension, members);
    double[] u = ClassIndex.gather(manifold.embedded(), dimension, members);
    int[][] patches = Patches.of(u, dimension, params.patchK(), seed);
    double[][] contributions = new double[members.length][];
    PatchScorer scorer = new PatchScorer(params);
    OrderedTasks.await(pool.submit(() -> IntStream.range(0, members.length).parallel().forEach(i -> {
      contributions[i] = scorer.contributions(PatchGeometry.gather(z, latentDimension, patches[i]),
          latentDimension, PatchGeometry.gather(u, dimension, patches[i]), dimension);
      patchDone.run();
    })), "scoring patches");
    double[] sum = new double[members.length];
    int[] count = new int[members.length];
    boolean centreOnly = params.variant() == LocalScoreParams.Variant.LEAVE_ONE_OUT;
    for (int i = 0; i < members.length; i++) {
      int[] patch = patches[i];
      for (int q = 0; q < (centreOnly ? 1 : patch.length); q++) {
        sum[patch[q]] += contributions[i][q];
        count[patch[q]]++;
      }
    }
    for (int i = 0; i < members.length; i++) {
      // every point is in its own patch, so count ≥ 1
      scores[members[i]] = sum[i] / count[i];
    }
  }
}
