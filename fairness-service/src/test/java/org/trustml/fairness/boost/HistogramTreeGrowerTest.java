package org.trustml.fairness.boost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class HistogramTreeGrowerTest {

  private static int[] allRows(int n) {
    int[] rows = new int[n];
    for (int i = 0; i < n; i++) {
      rows[i] = i;
    }
    return rows;
  }

  /** Weighted Gini impurity W·(1 − p₁² − p₀²) of the rows selected by {@code in}. */
  private static double impurity(double[] w, int[] y, boolean[] in) {
    double total = 0;
    double ones = 0;
    for (int i = 0; i < w.length; i++) {
      if (in[i]) {
        total += w[i];
        ones += y[i] == 1 ? w[i] : 0;
      }
    }
    if (total == 0) {
      return 0;
    }
    double p = ones / total;
    return total * (1 - p * p - (1 - p) * (1 - p));
  }

  @Test
  void stumpOnBinaryFeaturesIsTheBruteForceBestGiniSplit() {
    for (long seed = 1; seed <= 20; seed++) {
      SplittableRandom r = new SplittableRandom(seed);
      int n = 300;
      int d = 12;
      float[] x = new float[n * d];
      int[] y = new int[n];
      double[] w = new double[n];
      for (int i = 0; i < n; i++) {
        for (int f = 0; f < d; f++) {
          x[i * d + f] = r.nextDouble() < 0.3 + 0.04 * f ? 1f : 0f;
        }
        y[i] = r.nextDouble() < 0.2 + 0.3 * x[i * d + 3] + 0.3 * x[i * d + 7] ? 1 : 0;
        w[i] = r.nextDouble() + 0.01;
      }
      double best = Double.POSITIVE_INFINITY;
      for (int f = 0; f < d; f++) {
        boolean[] left = new boolean[n];
        boolean[] right = new boolean[n];
        for (int i = 0; i < n; i++) {
          left[i] = x[i * d + f] <= 0.5f;
          right[i] = !left[i];
        }
        best = Math.min(best, impurity(w, y, left) + impurity(w, y, right));
      }
      double[] a = new double[n];
      for (int i = 0; i < n; i++) {
        a[i] = y[i] == 1 ? w[i] : 0;
      }
      BinnedFeatures binned = BinnedFeatures.of(x, d, 255);
      for (int f = 0; f < d; f++) {
        assertEquals(2, binned.bins(f), "binary features get exactly two bins");
      }
      GrownTree grown = new HistogramTreeGrower(binned, new TreeParams(1, 1, 0), SplitCriterion.GINI)
          .grow(a, w, allRows(n));
      Tree tree = grown.tree();
      assertEquals(3, tree.nodes());
      boolean[] left = new boolean[n];
      boolean[] right = new boolean[n];
      for (int i = 0; i < n; i++) {
        left[i] = grown.leafOfRow()[i] == tree.left()[0];
        right[i] = !left[i];
        assertEquals(x[i * d + tree.feature()[0]] <= tree.threshold()[0], left[i]);
      }
      assertEquals(best, impurity(w, y, left) + impurity(w, y, right), 1e-12 * best, "seed " + seed);
      // leaf value = weighted share of class 1
      double ones = 0;
      double total = 0;
      for (int i = 0; i < n; i++) {
        if (left[i]) {
          total += w[i];
          ones += y[i] == 1 ? w[i] : 0;
        }
      }
      assertEquals(ones / total, tree.value()[tree.left()[0]], 1e-12);
    }
  }

  @Test
  void deepTreeSeparatesSeparableDataAndRawRowsFollowTheBinnedLeaves() {
    SplittableRandom r = new SplittableRandom(7);
    int n = 3000;
    int d = 3;
    float[] x = new float[n * d];
    int[] y = new int[n];
    double[] w = new double[n];
    double[] a = new double[n];
    for (int i = 0; i < n; i++) {
      x[i * d] = (float) r.nextDouble();
      x[i * d + 1] = (float) (Math.round(r.nextDouble() * 1000) / 1000.0); // many ties, > 255 distinct values
      x[i * d + 2] = r.nextInt(5);
      y[i] = x[i * d] > 0.3f && x[i * d + 1] < 0.7f || x[i * d + 2] == 4f ? 1 : 0;
      w[i] = 1.0 / n;
      a[i] = y[i] * w[i];
    }
    BinnedFeatures binned = BinnedFeatures.of(x, d, 255);
    assertEquals(5, binned.bins(2));
    assertTrue(binned.bins(0) <= 255 && binned.bins(0) > 200);
    GrownTree grown = new HistogramTreeGrower(binned, new TreeParams(4, 1, 0), SplitCriterion.GINI)
        .grow(a, w, allRows(n));
    Tree tree = grown.tree();
    int correct = 0;
    for (int i = 0; i < n; i++) {
      assertEquals(grown.leafOfRow()[i], leafOf(tree, x, i * d), "row " + i);
      correct += tree.predictClass(x, i * d) == y[i] ? 1 : 0;
    }
    // the quantile bins of x0 cannot hit 0.3 exactly: allow the rows of one bin (~12 rows) to be wrong
    assertTrue(correct >= n - 20, "training accuracy " + correct + "/" + n);
  }

  @Test
  void fitOnSubsetStillRoutesEveryRow() {
    SplittableRandom r = new SplittableRandom(3);
    int n = 500;
    float[] x = new float[n * 2];
    double[] w = new double[n];
    double[] a = new double[n];
    for (int i = 0; i < n; i++) {
      x[2 * i] = (float) r.nextGaussian();
      x[2 * i + 1] = (float) r.nextGaussian();
      w[i] = 1;
      a[i] = x[2 * i] + x[2 * i + 1] > 0 ? 1 : 0;
    }
    int[] half = new int[n / 2];
    for (int k = 0; k < half.length; k++) {
      half[k] = 2 * k;
    }
    GrownTree grown = new HistogramTreeGrower(BinnedFeatures.of(x, 2, 64), new TreeParams(3, 5, 0),
        SplitCriterion.GINI).grow(a, w, half);
    for (int i = 0; i < n; i++) {
      assertEquals(grown.leafOfRow()[i], leafOf(grown.tree(), x, 2 * i));
    }
  }

  @Test
  void regressionLeafIsMinusGradientOverHessianPlusLambda() {
    SplittableRandom r = new SplittableRandom(11);
    int n = 1000;
    int d = 4;
    float[] x = new float[n * d];
    double[] g = new double[n];
    double[] h = new double[n];
    for (int i = 0; i < n; i++) {
      for (int f = 0; f < d; f++) {
        x[i * d + f] = (float) r.nextGaussian();
      }
      double p = r.nextDouble();
      g[i] = p - (x[i * d] + x[i * d + 1] > 0 ? 1 : 0);
      h[i] = p * (1 - p);
    }
    double lambda = 1.0;
    GrownTree grown = new HistogramTreeGrower(BinnedFeatures.of(x, d, 255), new TreeParams(3, 10, lambda),
        SplitCriterion.NEWTON).grow(g, h, allRows(n));
    Tree tree = grown.tree();
    double[] sumG = new double[tree.nodes()];
    double[] sumH = new double[tree.nodes()];
    int[] count = new int[tree.nodes()];
    for (int i = 0; i < n; i++) {
      int leaf = leafOf(tree, x, i * d);
      sumG[leaf] += g[i];
      sumH[leaf] += h[i];
      count[leaf]++;
    }
    int leaves = 0;
    for (int k = 0; k < tree.nodes(); k++) {
      if (tree.feature()[k] < 0) {
        leaves++;
        assertTrue(count[k] >= 10, "min samples per leaf");
        assertEquals(-sumG[k] / (sumH[k] + lambda), tree.value()[k], 1e-12);
      }
    }
    assertTrue(leaves > 4, "the tree should split: " + leaves + " leaves");
  }

  /** An independent traversal returning the leaf's node index. */
  static int leafOf(Tree tree, float[] rows, int offset) {
    int node = 0;
    while (tree.feature()[node] >= 0) {
      node = rows[offset + tree.feature()[node]] <= tree.threshold()[node] ? tree.left()[node] : tree.right()[node];
    }
    return node;
  }
}
