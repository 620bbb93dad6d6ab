package org.trustml.fairness.onnx;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.trustml.fairness.boost.Ensemble;
import org.trustml.fairness.boost.Tree;

/**
 * Random ensembles and batches for comparing exports with {@link Ensemble}: thresholds come from a small pool per
 * feature and many row values are drawn from the same pool (or one ulp beside it), so rows land exactly on
 * thresholds and {@code BRANCH_LEQ}'s equality case is exercised.
 */
final class RandomEnsembles {

  private final Random random;
  private final int features;
  private final float[][] thresholds;

  RandomEnsembles(long seed, int features) {
    this.random = new Random(seed);
    this.features = features;
    this.thresholds = new float[features][12];
    for (float[] pool : thresholds) {
      for (int k = 0; k < pool.length; k++) {
        pool[k] = (float) (random.nextGaussian() * 3);
      }
    }
  }

  Ensemble ensemble(Ensemble.Kind kind, int trees, int depth, int theta) {
    List<Tree> list = new ArrayList<>();
    double[] weights = new double[trees];
    for (int t = 0; t < trees; t++) {
      list.add(tree(kind, depth));
      weights[t] = kind == Ensemble.Kind.ADABOOST ? 0.01 + random.nextDouble() : 0.05 + 0.2 * random.nextDouble();
    }
    double base = kind == Ensemble.Kind.GBT ? random.nextGaussian() : 0;
    return new Ensemble(kind, names(), list, weights, base, theta);
  }

  /** {@code n} rows, row-major. */
  float[] rows(int n) {
    float[] rows = new float[n * features];
    for (int i = 0; i < rows.length; i++) {
      int f = i % features;
      float pooled = thresholds[f][random.nextInt(thresholds[f].length)];
      rows[i] = switch (random.nextInt(5)) {
        case 0, 1 -> pooled;
        case 2 -> Math.nextUp(pooled);
        case 3 -> Math.nextDown(pooled);
        default -> (float) (random.nextGaussian() * 4);
      };
    }
    return rows;
  }

  private List<String> names() {
    List<String> names = new ArrayList<>();
    for (int f = 0; f < features; f++) {
      names.add("x" + f);
    }
    return names;
  }

  private Tree tree(Ensemble.Kind kind, int depth) {
    List<int[]> inner = new ArrayList<>(); // {feature, left, right}
    List<Float> cut = new ArrayList<>();
    List<Double> value = new ArrayList<>();
    grow(kind, depth, inner, cut, value);
    int n = inner.size();
    int[] feature = new int[n];
    float[] threshold = new float[n];
    int[] left = new int[n];
    int[] right = new int[n];
    double[] values = new double[n];
    for (int i = 0; i < n; i++) {
      feature[i] = inner.get(i)[0];
      left[i] = inner.get(i)[1];
      right[i] = inner.get(i)[2];
      threshold[i] = cut.get(i);
      values[i] = value.get(i);
    }
    return new Tree(feature, threshold, left, right, values);
  }

  /** Appends a subtree in pre-order and returns its root's index. */
  private int grow(Ensemble.Kind kind, int depth, List<int[]> inner, List<Float> cut, List<Double> value) {
    int index = inner.size();
    boolean leaf = depth == 0 || (index > 0 && random.nextInt(6) == 0);
    if (leaf) {
      inner.add(new int[] {-1, -1, -1});
      cut.add(0f);
      value.add(leafValue(kind));
      return index;
    }
    int f = random.nextInt(features);
    inner.add(new int[] {f, 0, 0});
    cut.add(thresholds[f][random.nextInt(thresholds[f].length)]);
    value.add(0.0);
    inner.get(index)[1] = grow(kind, depth - 1, inner, cut, value);
    inner.get(index)[2] = grow(kind, depth - 1, inner, cut, value);
    return index;
  }

  private double leafValue(Ensemble.Kind kind) {
    if (kind == Ensemble.Kind.GBT) {
      return random.nextGaussian();
    }
    // exactly one half is class 0 (the share must be above 0.5), so it appears on purpose
    return random.nextInt(8) == 0 ? 0.5 : random.nextDouble();
  }
}
