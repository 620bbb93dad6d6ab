package org.trustml.pruning.baseline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.trustml.pruning.selection.SelectionParams;

/** What every method promises: exact budgets, a partition of the ids, class balance when asked, seeded results. */
class ContractTest {

  static final List<PruningMethod> METHODS = List.of(new RandomPruning(), new KCenterGreedy(), new Herding(),
      ModerateDs.defaults(), CcsPruning.defaults(true), new D2Pruning(D2Params.defaults(), true));

  /** Three Gaussian classes of 50, 70 and 80 points in 6-D, a score per point. */
  static PruningInput blobs(long seed) {
    Random random = new Random(seed);
    int n = 200;
    float[][] z = new float[n][6];
    int[] labels = new int[n];
    double[] scores = new double[n];
    for (int i = 0; i < n; i++) {
      labels[i] = i < 50 ? 0 : i < 120 ? 1 : 2;
      for (int k = 0; k < 6; k++) {
        z[i][k] = (float) ((k == labels[i] ? 3 : 0) + random.nextGaussian());
      }
      scores[i] = random.nextDouble();
    }
    return new PruningInput(z, labels, scores);
  }

  @Test
  void everyMethodKeepsExactlyItsBudgetAtAnyRate() {
    PruningInput in = blobs(1);
    for (PruningMethod method : METHODS) {
      for (double rate : new double[] {0.3, 0.5, 0.7, 0.9}) {
        for (boolean balanced : new boolean[] {true, false}) {
          PruningRun run = new PruningRun(rate, balanced, SelectionParams.Budget.PROPORTIONAL, 5);
          PruningOutcome out = method.prune(in, run);
          String what = method.name() + " at " + rate + (balanced ? " per class" : " global");
          int[] kept = out.selection().kept();
          int[] pruned = out.selection().pruned();
          assertEquals(Math.round((1 - rate) * 200), kept.length, what);
          int[] all = IntStream.concat(Arrays.stream(kept), Arrays.stream(pruned)).sorted().toArray();
          assertArrayEquals(IntStream.range(0, 200).toArray(), all, what);
          assertEquals(200, out.score().length, what);
          assertEquals(method.name(), out.method());
          if (balanced) {
            int[] perClass = new int[3];
            for (int id : kept) {
              perClass[in.labels()[id]]++;
            }
            // proportional budgets by largest remainder
            assertTrue(Math.abs(perClass[0] - (1 - rate) * 50) < 1 && Math.abs(perClass[1] - (1 - rate) * 70) < 1
                && Math.abs(perClass[2] - (1 - rate) * 80) < 1, what + ": " + Arrays.toString(perClass));
          }
          assertArrayEquals(kept, method.prune(in, run).selection().kept(), what + " is not deterministic");
        }
      }
    }
  }

  @Test
  void seededMethodsFollowTheSeedAndDeterministicOnesIgnoreIt() {
    PruningInput in = blobs(2);
    PruningRun a = PruningRun.classBalanced(0.8, 1);
    PruningRun b = PruningRun.classBalanced(0.8, 2);
    for (PruningMethod seeded : List.of(new RandomPruning(), new KCenterGreedy(), CcsPruning.defaults(true))) {
      assertFalse(Arrays.equals(seeded.prune(in, a).selection().kept(), seeded.prune(in, b).selection().kept()),
          seeded.name());
    }
    for (PruningMethod fixed : List.of(new Herding(), ModerateDs.defaults(), new D2Pruning(D2Params.defaults(),
        true))) {
      assertArrayEquals(fixed.prune(in, a).selection().kept(), fixed.prune(in, b).selection().kept(), fixed.name());
    }
  }

  @Test
  void kCenterPicksAreFarthestFirstAndCoverTheRest() {
    PruningInput in = blobs(3);
    PruningOutcome out = new KCenterGreedy().prune(in, PruningRun.global(0.9, 4));
    int[] kept = out.selection().kept();
    // order of picks = order by descending score among the kept; scores never increase along it
    Integer[] byScore = Arrays.stream(kept).boxed().toArray(Integer[]::new);
    Arrays.sort(byScore, (x, y) -> Double.compare(out.score()[y], out.score()[x]));
    double last = out.score()[byScore[byScore.length - 1]];
    for (int id : out.selection().pruned()) {
      double nearest = Double.POSITIVE_INFINITY;
      for (int c : kept) {
        nearest = Math.min(nearest, Math.sqrt(Vectors.squaredDistance(in.embeddings()[id], in.embeddings()[c])));
      }
      assertEquals(nearest, out.score()[id], 1e-9, "pruned score is the distance to the nearest centre");
      assertTrue(nearest <= last + 1e-12, "no pruned sample is farther than the last centre was");
    }
  }

  @Test
  void missingInputsAndBadRatesAreClearErrors() {
    PruningInput labelsOnly = PruningInput.labelsOnly(new int[] {0, 0, 1, 1});
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new KCenterGreedy().prune(labelsOnly, PruningRun.classBalanced(0.5, 1)));
    assertTrue(e.getMessage().contains("kcenter needs embeddings"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> CcsPruning.defaults(true).prune(labelsOnly, PruningRun.classBalanced(0.5, 1)));
    assertTrue(e.getMessage().contains("ccs needs a per-sample score"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> PruningRun.classBalanced(1.0, 1));
    assertTrue(e.getMessage().contains("pruneRate"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> new PruningInput(new float[][] {{1, 2}, {1}}, new int[2], null));
    assertTrue(e.getMessage().contains("dimension"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> new PruningInput(null, new int[2], new double[] {0, Double.NaN}));
    assertTrue(e.getMessage().contains("not finite"), e.getMessage());
  }
}
