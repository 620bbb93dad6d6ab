package org.trustml.pruning.baseline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.trustml.pruning.selection.SelectionParams;

/** Each method on a case small enough to work out by hand; the expected values are derived in the comments. */
class HandCasesTest {

  static final double EXACT = 1e-12;

  static float[][] line(double... xs) {
    float[][] z = new float[xs.length][];
    for (int i = 0; i < xs.length; i++) {
      z[i] = new float[] {(float) xs[i]};
    }
    return z;
  }

  static PruningRun oneClass(double rate, long seed) {
    return PruningRun.classBalanced(rate, seed);
  }

  /** A seed whose first k-center (a uniform draw from the class's split stream) is {@code want} of {@code n}. */
  static long seedWithFirstCentre(int n, int want) {
    for (long seed = 0; ; seed++) {
      if (new SplittableRandom(seed).split().nextInt(n) == want) {
        return seed;
      }
    }
  }

  @Test
  void kCenterIsFarthestFirstFromTheSeededCentre() {
    // points 0..9 on a line, first centre 4: farthest is 9 (5 away); then 0 (4 from 4); then among 1..8 the
    // largest distance to {0, 4, 9} is 2, held by 2, 6 and 7 → the lower id, 2
    float[][] z = line(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
    long seed = seedWithFirstCentre(10, 4);
    PruningOutcome out = new KCenterGreedy().prune(new PruningInput(z, new int[10], null), oneClass(0.6, seed));
    assertArrayEquals(new int[] {0, 2, 4, 9}, out.selection().kept());
    // centres: 4 → its farthest member, 5; 9 → 5; 0 → 4; 2 → 2; others: distance to the nearest centre
    assertArrayEquals(new double[] {4, 1, 2, 1, 5, 1, 2, 2, 1, 5}, out.score(), EXACT);
    assertEquals(1, out.selection().rank()[4]); // ties by id: 4 before 9
    assertEquals(2, out.selection().rank()[9]);
  }

  @Test
  void herdingBringsTheMeanOfTheChosenSetClosestToTheClassMean() {
    // μ = 13/4 = 3.25. t=0: target 3.25 → 2. t=1: target 6.5 − 2 = 4.5 → 1 (3.5 away; 0 is 4.5, 10 is 5.5).
    // t=2: target 9.75 − 3 = 6.75 → 10 (3.25 away; 0 is 6.75)
    PruningOutcome out = new Herding().prune(new PruningInput(line(0, 1, 2, 10), new int[4], null),
        oneClass(0.25, 1));
    assertArrayEquals(new int[] {1, 2, 3}, out.selection().kept());
    assertArrayEquals(new double[] {0, 2, 3, 1}, out.score(), EXACT);
  }

  @Test
  void moderateKeepsTheDistancesNearestTheMedianDistance() {
    // centre: coordinate median 0; d = {3, 1, 0, 0, 0, 2, 7}; median(d) = 1; keep 3 of 7
    float[][] z = line(-3, -1, 0, 0, 0, 2, 7);
    PruningInput in = new PruningInput(z, new int[7], null);
    PruningRun run = oneClass(4.0 / 7, 1);
    // value band: |d − 1| = {2, 0, 1, 1, 1, 1, 6} → 1, then the ties 2, 3 (lower ids)
    PruningOutcome value = ModerateDs.defaults().prune(in, run);
    assertArrayEquals(new int[] {1, 2, 3}, value.selection().kept());
    assertArrayEquals(new double[] {3, 1, 0, 0, 0, 2, 7}, value.score(), EXACT);
    // rank band: sorted (d, id) = 2 3 4 1 5 0 6; n − m = 4 → positions 2..4 → 4, 1, 5
    PruningOutcome rank = new ModerateDs(ModerateDs.Centre.MEDIAN, ModerateDs.Band.RANK).prune(in, run);
    assertArrayEquals(new int[] {1, 4, 5}, rank.selection().kept());
    // mean centre 5/7: d = |x − 5/7|
    PruningOutcome mean = new ModerateDs(ModerateDs.Centre.MEAN, ModerateDs.Band.VALUE).prune(in, run);
    assertEquals(2 - 5.0 / 7, mean.score()[5], 1e-9);
    assertEquals(ModerateDs.median(new double[] {4, 1, 3, 2}), 2.5, EXACT);
  }

  @Test
  void moderateUsesTheCoordinateWiseMedianAsCentre() {
    // 2-D: medians of the columns (0, 0, 1, 5, 9) and (0, 4, 0, 0, 1) are 1 and 0, not a sample's own coordinates
    float[][] z = {{0, 0}, {0, 4}, {1, 0}, {5, 0}, {9, 1}};
    PruningOutcome out = ModerateDs.defaults().prune(new PruningInput(z, new int[5], null), oneClass(0.4, 1));
    assertArrayEquals(new double[] {1, Math.sqrt(17), 0, 4, Math.sqrt(65)}, out.score(), 1e-6);
  }

  /**
   * Points 0, 1, 2, 10, 11 with scores 1, 2, 3, 1, 5 and k = 1. Nearest neighbours 0→1, 1→0 (tie with 2, lower
   * id), 2→1, 3→4, 4→3; made symmetric: N(0) = {1}, N(1) = {0, 2}, N(2) = {1}, N(3) = {4}, N(4) = {3}, every edge of
   * length 1, weight e = exp(−1). Forward: D = {1 + 2e, 2 + 4e, 3 + 2e, 1 + 5e, 5 + e}.
   */
  static final float[][] D2_POINTS = line(0, 1, 2, 10, 11);
  static final double[] D2_SCORES = {1, 2, 3, 1, 5};

  @Test
  void d2ForwardPassSumsNeighbourDifficultiesAndReversePassSpreadsThePicks() {
    double e = Math.exp(-1);
    double[] forward = {1 + 2 * e, 2 + 4 * e, 3 + 2 * e, 1 + 5 * e, 5 + e};
    PruningInput in = new PruningInput(D2_POINTS, new int[5], D2_SCORES);
    // reverse kernel exp(−d): pick 4; D3 −= e·D4 (≈ 0.86). Pick 2 (3 + 2e); D1 −= e·D2 → ≈ 2.10 > D0 ≈ 1.74 → 1
    PruningOutcome weighted = new D2Pruning(new D2Params(1, 1, 1, D2Params.Kernel.EXPONENTIAL, 0), true)
        .prune(in, oneClass(0.4, 1));
    assertArrayEquals(forward, weighted.score(), 1e-12);
    assertArrayEquals(new int[] {1, 2, 4}, weighted.selection().kept());
    // reverse weight 1 (γ_r = 0): D1 − D2 = −1 + 2e < 0 < D0, so the third pick is 0, not the denser 1
    PruningOutcome absolute = new D2Pruning(new D2Params(1, 1, 0, D2Params.Kernel.EXPONENTIAL, 0), true)
        .prune(in, oneClass(0.4, 1));
    assertArrayEquals(new int[] {0, 2, 4}, absolute.selection().kept());
  }

  @Test
  void d2LowIsHardFlipsTheScoresAndTheCutOffDropsTheHardestFirst() {
    double e = Math.exp(-1);
    PruningInput in = new PruningInput(D2_POINTS, new int[5], D2_SCORES);
    // low is hard: difficulty = 5 − s = {4, 3, 2, 4, 0}; forward D = {4 + 3e, 3 + 6e, 2 + 3e, 4 + ε·e, 0 + 4e}
    PruningOutcome flipped = new D2Pruning(new D2Params(1, 1, 1, D2Params.Kernel.EXPONENTIAL, 0), false)
        .prune(in, oneClass(0.6, 1));
    assertArrayEquals(new double[] {4 + 3 * e, 3 + 6 * e, 2 + 3 * e, 4 + 1e-7 * e, 4 * e}, flipped.score(), 1e-12);
    // keep 2: 1 (3 + 6e ≈ 5.21) first; then D0 −= e·D1 → ≈ 3.19 < D3 ≈ 4 → 3
    assertArrayEquals(new int[] {1, 3}, flipped.selection().kept());
    // β = 0.2 removes ⌊0.2·5⌋ = 1 hardest (score 5, sample 4) before the graph; its density is reported as 0
    PruningOutcome cut = new D2Pruning(new D2Params(1, 1, 1, D2Params.Kernel.EXPONENTIAL, 0.2), true)
        .prune(in, oneClass(0.6, 1));
    // pool {0, 1, 2, 3}: 3's nearest is now 2 (distance 8), so N(3) = {2} and D3 = 1 + 3·exp(−8)
    assertEquals(0, cut.score()[4], EXACT);
    assertEquals(1 + 3 * Math.exp(-8), cut.score()[3], 1e-12);
    // keep 2 of {0, 1, 2, 3}: D = {1 + 2e, 2 + 4e, 3 + 2e + exp(−8), 1 + 3·exp(−8)}; pick 2, then
    // D1 −= e·D2 → ≈ 2.10, still above D0 ≈ 1.74 → 1
    assertEquals(3 + 2 * e + Math.exp(-8), cut.score()[2], 1e-12);
    assertArrayEquals(new int[] {1, 2}, cut.selection().kept());
  }

  @Test
  void kernelsFollowCodeAndPaper() {
    assertEquals(Math.exp(-0.2), new D2Params(5, 0.1, 0.1, D2Params.Kernel.EXPONENTIAL, 0).forwardWeight(2), EXACT);
    assertEquals(Math.exp(-0.4), new D2Params(5, 0.1, 0.1, D2Params.Kernel.GAUSSIAN, 0).reverseWeight(2), EXACT);
  }

  @Test
  void ccsIsTheSelectionPackagesSamplerOnTheGivenScore() {
    double[] scores = new double[40];
    int[] labels = new int[40];
    for (int i = 0; i < 40; i++) {
      scores[i] = (i * 7919) % 40;
      labels[i] = i % 2;
    }
    PruningOutcome out = CcsPruning.defaults(true).prune(new PruningInput(null, labels, scores),
        oneClass(0.5, 3));
    var direct = org.trustml.pruning.selection.Selector.select(scores, labels,
        SelectionParams.defaults(0.5, 3));
    assertArrayEquals(direct.kept(), out.selection().kept());
    assertArrayEquals(direct.stratum(), out.selection().stratum());
    assertArrayEquals(scores, out.score(), EXACT);
  }
}
