package org.trustml.pruning.diagnostics;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.trustml.pruning.manifold.ClassIndex;
import org.trustml.pruning.manifold.PrincipalComponents;

/**
 * A 2-D map of the samples: the first two principal components of their manifold coordinates, with class, score
 * and kept flag per point, on a seeded uniform subsample so the artifact stays small. When the manifold was
 * computed per class, each class is projected on its own (per-class UMAPs have unrelated coordinate systems, so
 * one projection of all of them would place classes arbitrarily); otherwise all samples share one projection.
 *
 * @param frame   {@code per-class} or {@code global}
 * @param ids     sample ids shown, ascending
 * @param classes class code of each shown sample
 * @param x       first principal component
 * @param y       second principal component (0 when the coordinates are 1-D)
 * @param scores  score of each shown sample
 * @param kept    whether each shown sample was kept; null without a selection
 */
public record SampleMap(String frame, int[] ids, int[] classes, double[] x, double[] y, double[] scores,
    boolean[] kept) {

  /**
   * @param coordinates n×dimension row-major manifold coordinates
   * @param perClass    project each class on its own
   * @param maxPoints   show at most this many samples, ≥ 1
   * @param seed        chooses the subsample
   */
  public static SampleMap of(double[] coordinates, int dimension, int[] labels, boolean perClass, double[] scores,
      boolean[] kept, int maxPoints, long seed) {
    int n = labels.length;
    double[] projected = new double[2 * n];
    List<int[]> groups = perClass ? ClassIndex.members(labels) : List.of(ClassIndex.all(n));
    for (int[] members : groups) {
      double[] p = PrincipalComponents.project(ClassIndex.gather(coordinates, dimension, members), dimension, 2);
      ClassIndex.scatter(p, 2, members, projected);
    }
    int[] ids = subsample(n, maxPoints, seed);
    int m = ids.length;
    int[] classes = new int[m];
    double[] x = new double[m];
    double[] y = new double[m];
    double[] s = new double[m];
    boolean[] k = kept == null ? null : new boolean[m];
    for (int r = 0; r < m; r++) {
      int i = ids[r];
      classes[r] = labels[i];
      x[r] = projected[2 * i];
      y[r] = projected[2 * i + 1];
      s[r] = scores[i];
      if (k != null) {
        k[r] = kept[i];
      }
    }
    return new SampleMap(perClass ? "per-class" : "global", ids, classes, x, y, s, k);
  }

  /** All of 0 … n−1 when n ≤ m, else m of them uniformly without replacement (partial Fisher–Yates), ascending. */
  static int[] subsample(int n, int m, long seed) {
    if (m < 1) {
      throw new IllegalArgumentException("a map shows at least one point, got " + m);
    }
    int[] all = ClassIndex.all(n);
    if (n <= m) {
      return all;
    }
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < m; i++) {
      int j = i + random.nextInt(n - i);
      int t = all[i];
      all[i] = all[j];
      all[j] = t;
    }
    int[] chosen = Arrays.copyOf(all, m);
    Arrays.sort(chosen);
    return chosen;
  }
}
