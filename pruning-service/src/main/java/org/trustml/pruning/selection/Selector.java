package org.trustml.pruning.selection;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Class-balanced selection at a pruning rate: each class gets its budget ({@link ClassBudgets}) and is pruned on its
 * own by the chosen mode. Seeded: class c (in ascending label order) draws from the c-th split of
 * {@code SplittableRandom(seed)}, so a class's sample does not depend on the others' sizes.
 */
public final class Selector {

  private Selector() {}

  /**
   * @param scores one per sample, finite (not modified)
   * @param labels class per sample (not modified)
   * @throws IllegalArgumentException for NaN or infinite scores, mismatched lengths, or a class too small for its
   *                                  budget
   */
  public static SelectionResult select(double[] scores, int[] labels, SelectionParams params) {
    if (scores.length != labels.length) {
      throw new IllegalArgumentException(scores.length + " scores but " + labels.length + " labels");
    }
    if (scores.length == 0) {
      throw new IllegalArgumentException("nothing to select from: no samples");
    }
    for (int i = 0; i < scores.length; i++) {
      if (Double.isNaN(scores[i])) {
        throw new IllegalArgumentException("score of sample " + i + " is NaN");
      }
      if (Double.isInfinite(scores[i])) {
        throw new IllegalArgumentException("score of sample " + i + " is infinite: " + scores[i]);
      }
    }
    TreeMap<Integer, List<Integer>> byLabel = new TreeMap<>();
    for (int i = 0; i < labels.length; i++) {
      byLabel.computeIfAbsent(labels[i], l -> new ArrayList<>()).add(i);
    }
    int[] classLabels = byLabel.keySet().stream().mapToInt(Integer::intValue).toArray();
    int[] sizes = byLabel.values().stream().mapToInt(List::size).toArray();
    int[] budgets = ClassBudgets.of(sizes, classLabels, params.pruneRate(), params.budget());

    boolean ccs = params.mode() == SelectionParams.Mode.CCS_STRATIFIED;
    double beta = ccs ? params.effectiveBeta() : 0;
    int[] stratum = new int[scores.length];
    Arrays.fill(stratum, -1);
    boolean[] keep = new boolean[scores.length];
    SplittableRandom master = new SplittableRandom(params.seed());
    int c = 0;
    for (List<Integer> members : byLabel.values()) {
      SplittableRandom random = master.split();
      double[] classScores = new double[members.size()];
      for (int p = 0; p < classScores.length; p++) {
        classScores[p] = scores[members.get(p)];
      }
      int[] classStrata = new int[classScores.length];
      Arrays.fill(classStrata, -1);
      int[] kept = keptPositions(classScores, budgets[c++], params, beta, random, classStrata);
      for (int p : kept) {
        keep[members.get(p)] = true;
      }
      for (int p = 0; p < classStrata.length; p++) {
        stratum[members.get(p)] = classStrata[p];
      }
    }
    return new SelectionResult(ids(keep, true), ids(keep, false), ranks(scores), stratum, beta);
  }

  private static int[] keptPositions(double[] scores, int budget, SelectionParams params, double beta,
      SplittableRandom random, int[] strata) {
    switch (params.mode()) {
      case CCS_STRATIFIED:
        return StratifiedSampler.sample(scores, budget, beta, params.strata(), params.hardestIsHigh(), random,
            strata);
      case TOP_K:
        return RankedSelection.first(scores, budget, true);
      case BOTTOM_K:
        return RankedSelection.first(scores, budget, false);
      case RANDOM:
        return randomSubset(scores.length, budget, random);
      default:
        throw new IllegalArgumentException("unknown select.mode " + params.mode());
    }
  }

  private static int[] randomSubset(int n, int budget, SplittableRandom random) {
    int[] pool = new int[n];
    for (int i = 0; i < n; i++) {
      pool[i] = i;
    }
    for (int a = 0; a < budget; a++) {
      int b = a + random.nextInt(n - a);
      int t = pool[a];
      pool[a] = pool[b];
      pool[b] = t;
    }
    int[] kept = Arrays.copyOf(pool, budget);
    Arrays.sort(kept);
    return kept;
  }

  private static int[] ids(boolean[] keep, boolean value) {
    int count = 0;
    for (boolean k : keep) {
      count += k == value ? 1 : 0;
    }
    int[] out = new int[count];
    int o = 0;
    for (int i = 0; i < keep.length; i++) {
      if (keep[i] == value) {
        out[o++] = i;
      }
    }
    return out;
  }

  private static int[] ranks(double[] scores) {
    int[] order = RankedSelection.order(scores, true);
    int[] rank = new int[scores.length];
    for (int r = 0; r < order.length; r++) {
      rank[order[r]] = r + 1;
    }
    return rank;
  }
}
