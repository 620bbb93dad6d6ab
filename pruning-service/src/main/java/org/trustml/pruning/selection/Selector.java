package org.trustml.pruning.selection;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Class-balanced selection at a pruning rate: each class gets its budget ({@link ClassBudgets}) and is pruned on its
 * own by the chosen mode (or, when not class-balanced, all samples form one group). {@link #partitioned} is the
 * shared frame: the baselines plug their own {@link GroupSampler} into it. Seeded: class c (in ascending label order) draws from the c-th split of
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
    return select(scores, labels, params, true);
  }

  /**
   * {@link #select(double[], int[], SelectionParams)} with class-balanced budgets ({@code perClass}) or one budget
   * over all samples (the hard cut-off and strata then span all classes).
   */
  public static SelectionResult select(double[] scores, int[] labels, SelectionParams params, boolean perClass) {
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
    boolean ccs = params.mode() == SelectionParams.Mode.CCS_STRATIFIED;
    double beta = ccs ? params.effectiveBeta() : 0;
    GroupSampler sampler = (members, budget, random, strata) -> {
      double[] groupScores = new double[members.length];
      for (int p = 0; p < members.length; p++) {
        groupScores[p] = scores[members[p]];
      }
      return keptPositions(groupScores, budget, params, beta, random, strata);
    };
    return partitioned(labels, perClass, params.pruneRate(), params.budget(), params.seed(), scores, beta, sampler);
  }

  /**
   * Splits the samples into groups (the classes, or one group of all samples), gives each group its budget
   * ({@link ClassBudgets}) and lets {@code sampler} choose inside each. Group g (in ascending label order) draws from
   * the g-th split of {@code SplittableRandom(seed)}.
   *
   * @param labels     class per sample (not modified)
   * @param perClass   class-balanced budgets; false: one group of all samples keeps m = (1 − α)·N
   * @param rankScores one per sample: {@link SelectionResult#rank} orders by it, descending; read after every group
   *                   is sampled, so a sampler may fill it in (not modified here)
   * @param beta       reported in the result
   * @throws IllegalArgumentException for mismatched lengths, no samples, a rate outside (0, 1) or a group too small
   *                                  for its budget
   */
  public static SelectionResult partitioned(int[] labels, boolean perClass, double pruneRate,
      SelectionParams.Budget budgetRule, long seed, double[] rankScores, double beta, GroupSampler sampler) {
    if (rankScores.length != labels.length) {
      throw new IllegalArgumentException(rankScores.length + " scores but " + labels.length + " labels");
    }
    if (labels.length == 0) {
      throw new IllegalArgumentException("nothing to select from: no samples");
    }
    if (!(pruneRate > 0 && pruneRate < 1)) {
      throw new IllegalArgumentException("pruneRate must be in (0, 1), got " + pruneRate);
    }
    TreeMap<Integer, List<Integer>> byLabel = new TreeMap<>();
    for (int i = 0; i < labels.length; i++) {
      byLabel.computeIfAbsent(perClass ? labels[i] : 0, l -> new ArrayList<>()).add(i);
    }
    int[] classLabels = byLabel.keySet().stream().mapToInt(Integer::intValue).toArray();
    int[] sizes = byLabel.values().stream().mapToInt(List::size).toArray();
    int[] budgets = ClassBudgets.of(sizes, classLabels, pruneRate, budgetRule);

    int[] stratum = new int[labels.length];
    Arrays.fill(stratum, -1);
    boolean[] keep = new boolean[labels.length];
    SplittableRandom master = new SplittableRandom(seed);
    int c = 0;
    for (List<Integer> group : byLabel.values()) {
      SplittableRandom random = master.split();
      int[] members = group.stream().mapToInt(Integer::intValue).toArray();
      int[] groupStrata = new int[members.length];
      Arrays.fill(groupStrata, -1);
      int[] kept = sampler.keep(members, budgets[c], random, groupStrata);
      int count = 0;
      for (int p : kept) {
        if (keep[members[p]]) {
          throw new IllegalStateException("sampler kept position " + p + " twice");
        }
        keep[members[p]] = true;
        count++;
      }
      if (count != budgets[c]) {
        throw new IllegalStateException("sampler kept " + count + " of group " + classLabels[c] + ", budget "
            + budgets[c]);
      }
      for (int p = 0; p < members.length; p++) {
        stratum[members[p]] = groupStrata[p];
      }
      c++;
    }
    return new SelectionResult(ids(keep, true), ids(keep, false), ranks(rankScores), stratum, beta);
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
