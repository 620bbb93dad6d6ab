package org.trustml.pruning.selection;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Coverage-centric stratified sampling within one class, as CCS's {@code Coreset.py} does it (design note §5):
 * (1) drop the hardest ⌊β·n⌋ samples; (2) K equal-width strata over [min, max·1.0001] of the rest, sample s in
 * stratum k when min + k·step ≤ s < min + (k+1)·step; (3) budgets by {@link #allocate}; (4) a uniform sample
 * without replacement inside each stratum.
 *
 * <p>Step (4) is drawn as coordinated sampling (permanent random numbers, as survey statisticians rotate panels):
 * every sample gets one uniform key from the seed before any stratum exists, and a stratum keeps its members with
 * the smallest keys. Each stratum's sample is still uniform, as in CCS, but when a perturbed score moves a few
 * samples across strata the others keep their places, so the kept set moves only as much as the strata do.
 *
 * <p>Deviations, all for inputs CCS does not meet with its scores: the cut-off never drops more than n − m samples
 * (CCS would then return fewer than m); the upper end is max + 1e-4·|max|, which is max·1.0001 for max > 0 and
 * still includes the maximum when max ≤ 0; when all remaining scores are equal they form one stratum.
 */
final class StratifiedSampler {

  /** Stratum of a sample dropped by the hard cut-off. */
  static final int HARD_CUTOFF = -1;

  private StratifiedSampler() {}

  /**
   * @param scores  the class's scores (not modified)
   * @param budget  m, 1 ≤ m ≤ n
   * @param stratum per sample: its stratum, or {@link #HARD_CUTOFF} (modified: the output)
   * @return the kept positions, ascending
   */
  static int[] sample(double[] scores, int budget, double beta, int strata, boolean hardestIsHigh,
      SplittableRandom random, int[] stratum) {
    int n = scores.length;
    int removed = Math.min((int) Math.floor(beta * n + 1e-9), n - budget);
    int[] byHardness = RankedSelection.order(scores, hardestIsHigh);
    boolean[] dropped = new boolean[n];
    for (int r = 0; r < removed; r++) {
      dropped[byHardness[r]] = true;
    }
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      if (!dropped[i]) {
        min = Math.min(min, scores[i]);
        max = Math.max(max, scores[i]);
      }
    }
    double step = (max + 1e-4 * Math.abs(max) - min) / strata;
    int[] counts = new int[strata];
    for (int i = 0; i < n; i++) {
      stratum[i] = dropped[i] ? HARD_CUTOFF : stratumOf(scores[i], min, step, strata);
      if (!dropped[i]) {
        counts[stratum[i]]++;
      }
    }
    int[] budgets = allocate(counts, budget);
    int[][] members = new int[strata][];
    int[] filled = new int[strata];
    for (int k = 0; k < strata; k++) {
      members[k] = new int[counts[k]];
    }
    for (int i = 0; i < n; i++) {
      if (stratum[i] != HARD_CUTOFF) {
        members[stratum[i]][filled[stratum[i]]++] = i;
      }
    }
    // one uniform key per sample, drawn in sample order before strata exist: the keys do not depend on the scores
    double[] key = new double[n];
    for (int i = 0; i < n; i++) {
      key[i] = random.nextDouble();
    }
    int[] kept = new int[budget];
    int count = 0;
    for (int k = 0; k < strata; k++) {
      for (int i : smallestKeys(members[k], budgets[k], key)) {
        kept[count++] = i;
      }
    }
    Arrays.sort(kept);
    return kept;
  }

  /** The {@code take} members with the smallest keys (ties by position): a uniform sample of the stratum. */
  private static int[] smallestKeys(int[] members, int take, double[] key) {
    Integer[] order = new Integer[members.length];
    for (int a = 0; a < members.length; a++) {
      order[a] = members[a];
    }
    Arrays.sort(order, (a, b) -> key[a] != key[b] ? Double.compare(key[a], key[b]) : Integer.compare(a, b));
    int[] out = new int[take];
    for (int a = 0; a < take; a++) {
      out[a] = order[a];
    }
    return out;
  }

  /** The stratum k with min + k·step ≤ s < min + (k+1)·step, evaluated with CCS's own comparisons. */
  static int stratumOf(double s, double min, double step, int strata) {
    if (!(step > 0)) {
      return 0;
    }
    int k = (int) Math.max(0, Math.min(strata - 1, Math.floor((s - min) / step)));
    while (k > 0 && s < min + k * step) {
      k--;
    }
    while (k < strata - 1 && s >= min + (k + 1) * step) {
      k++;
    }
    return k;
  }

  /**
   * CCS's {@code bin_allocate}: visit strata by count ascending (ties by index), give each
   * min(count, ⌊remaining / strata left⌋).
   *
   * @param counts samples per stratum (not modified)
   * @return budget per stratum, summing to m when the counts allow
   */
  static int[] allocate(int[] counts, int m) {
    int strata = counts.length;
    Integer[] order = new Integer[strata];
    for (int k = 0; k < strata; k++) {
      order[k] = k;
    }
    Arrays.sort(order, (a, b) -> counts[a] != counts[b] ? Integer.compare(counts[a], counts[b])
        : Integer.compare(a, b));
    int[] budgets = new int[strata];
    int remaining = m;
    for (int v = 0; v < strata; v++) {
      int k = order[v];
      budgets[k] = Math.min(counts[k], remaining / (strata - v));
      remaining -= budgets[k];
    }
    return budgets;
  }
}
