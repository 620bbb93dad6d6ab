package org.trustml.pruning.baseline;

import java.util.Arrays;
import org.trustml.pruning.selection.Selector;

/**
 * k-center greedy (farthest-first traversal; Sener and Savarese, arXiv 1708.00489), Euclidean, in each group: the
 * first centre is a uniformly random member (from the group's seeded stream), then repeatedly the member farthest
 * from its nearest centre (ties: the lower id). Keeps one array of distances to the nearest centre, O(n) memory and
 * O(n·m·D) time, never an n×n matrix.
 *
 * <p>Score: for a centre, its distance to the nearest earlier centre (the first centre: its distance to the farthest
 * member, which the second centre then also has), so scores fall along the order of picks; for every other sample
 * its distance to the nearest centre, at most the last centre's score. The largest pruned score is the covering
 * radius the coreset reaches.
 */
public final class KCenterGreedy implements PruningMethod {

  @Override
  public String name() {
    return "kcenter";
  }

  @Override
  public PruningOutcome prune(PruningInput input, PruningRun run) {
    float[][] z = input.requireEmbeddings(name());
    double[] score = new double[input.size()];
    var result = Selector.partitioned(input.labels(), run.classBalanced(), run.pruneRate(), run.budget(), run.seed(),
        score, 0, (members, budget, random, strata) -> {
          int n = members.length;
          double[] nearest = new double[n];
          Arrays.fill(nearest, Double.POSITIVE_INFINITY);
          boolean[] chosen = new boolean[n];
          int[] kept = new int[budget];
          int next = random.nextInt(n);
          for (int t = 0; t < budget; t++) {
            kept[t] = next;
            chosen[next] = true;
            double before = nearest[next]; // +∞ for the first centre
            float[] centre = z[members[next]];
            int farthest = -1;
            double far = -1;
            double radius = 0;
            for (int p = 0; p < n; p++) {
              double d = Math.sqrt(Vectors.squaredDistance(z[members[p]], centre));
              radius = Math.max(radius, d);
              nearest[p] = Math.min(nearest[p], d);
              if (!chosen[p] && nearest[p] > far) {
                farthest = p;
                far = nearest[p];
              }
            }
            score[members[next]] = t == 0 ? radius : before;
            next = farthest;
          }
          for (int p = 0; p < n; p++) {
            if (!chosen[p]) {
              score[members[p]] = nearest[p];
            }
          }
          return kept;
        });
    return new PruningOutcome(name(), result, score);
  }
}
