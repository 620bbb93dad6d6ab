package org.trustml.pruning.baseline;

import org.trustml.pruning.selection.Selector;

/**
 * Herding (Welling, ICML 2009; as coreset selection in Chen et al. and DeepCore), in each group: with μ the group's
 * mean embedding and S the sum of the t samples chosen so far, choose the sample x that minimises
 * ‖(t + 1)·μ − (S + x)‖, i.e. that brings the mean of the chosen set closest to μ (herding with a linear kernel).
 * Deterministic: the seed plays no part; ties go to the lower id. O(n·m·D) time.
 *
 * <p>Score: m − t for the sample chosen at step t (0-based), 0 for pruned samples, so rank is the order of picks.
 */
public final class Herding implements PruningMethod {

  @Override
  public String name() {
    return "herding";
  }

  @Override
  public PruningOutcome prune(PruningInput input, PruningRun run) {
    float[][] z = input.requireEmbeddings(name());
    double[] score = new double[input.size()];
    var result = Selector.partitioned(input.labels(), run.classBalanced(), run.pruneRate(), run.budget(), run.seed(),
        score, 0, (members, budget, random, strata) -> {
          int n = members.length;
          int d = z[members[0]].length;
          double[] mean = new double[d];
          for (int member : members) {
            for (int k = 0; k < d; k++) {
              mean[k] += z[member][k];
            }
          }
          for (int k = 0; k < d; k++) {
            mean[k] /= n;
          }
          double[] sum = new double[d];
          double[] target = new double[d];
          boolean[] chosen = new boolean[n];
          int[] kept = new int[budget];
          for (int t = 0; t < budget; t++) {
            for (int k = 0; k < d; k++) {
              target[k] = (t + 1) * mean[k] - sum[k];
            }
            int best = -1;
            double bestDistance = Double.POSITIVE_INFINITY;
            for (int p = 0; p < n; p++) {
              if (!chosen[p]) {
                double dist = Vectors.squaredDistance(z[members[p]], target);
                if (dist < bestDistance) {
                  best = p;
                  bestDistance = dist;
                }
              }
            }
            chosen[best] = true;
            kept[t] = best;
            score[members[best]] = budget - t;
            for (int k = 0; k < d; k++) {
              sum[k] += z[members[best]][k];
            }
          }
          return kept;
        });
    return new PruningOutcome(name(), result, score);
  }
}
