package org.trustml.pruning.selection;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SelectorTest {

  static final double EXACT = 1e-12;
  // class 0: ids 0–4, class 1: ids 5–8
  static final double[] SCORES = {5, 1, 4, 2, 3, 10, 30, 20, 40};
  static final int[] LABELS = {0, 0, 0, 0, 0, 1, 1, 1, 1};

  private static SelectionParams params(SelectionParams.Mode mode, double rate) {
    return SelectionParams.defaults(rate, 1).withMode(mode);
  }

  private static int[] range(int from, int to) {
    return java.util.stream.IntStream.range(from, to).toArray();
  }

  @Test
  void topKAndBottomKKeepEachClassesExtremes() {
    // m = round(0.5·9) = 5; floors 2 and 2, the spare unit goes to class 0 (fraction 0.5 vs 0)
    SelectionResult top = Selector.select(SCORES, LABELS, params(SelectionParams.Mode.TOP_K, 0.5));
    assertArrayEquals(new int[] {0, 2, 4, 6, 8}, top.kept());
    assertArrayEquals(new int[] {1, 3, 5, 7}, top.pruned());
    SelectionResult bottom = Selector.select(SCORES, LABELS, params(SelectionParams.Mode.BOTTOM_K, 0.5));
    assertArrayEquals(new int[] {1, 3, 4, 5, 7}, bottom.kept());
    assertArrayEquals(new int[] {0, 2, 6, 8}, bottom.pruned());
    assertArrayEquals(new int[] {5, 9, 6, 8, 7, 4, 2, 3, 1}, top.rank());
    assertEquals(0, top.beta(), 0.0);
  }

  @Test
  void tiesGoToTheLowerId() {
    double[] equal = new double[6];
    int[] oneClass = new int[6];
    assertArrayEquals(new int[] {0, 1}, Selector.select(equal, oneClass,
        params(SelectionParams.Mode.TOP_K, 2.0 / 3)).kept());
  }

  @Test
  void ccsAllocatesBudgetsAsBinAllocateDoes() {
    // ascending counts: stratum 1 (0) gets 0, 4 (1) gets min(1, 10/4) = 1, 2 (2) gets min(2, 9/3) = 2,
    // 0 (5) gets min(5, 7/2) = 3, 3 (9) gets the remaining 4
    assertArrayEquals(new int[] {3, 0, 2, 4, 1}, StratifiedSampler.allocate(new int[] {5, 0, 2, 9, 1}, 10));
    assertArrayEquals(new int[] {1, 2, 2}, StratifiedSampler.allocate(new int[] {3, 3, 3}, 5));
  }

  @Test
  void ccsDropsTheHardestThenSamplesEachStratumToItsBudget() {
    double[] scores = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
    int[] labels = new int[10];
    SelectionParams ccs = SelectionParams.defaults(0.5, 3).withBeta(0.1).withStrata(3);
    SelectionResult r = Selector.select(scores, labels, ccs);
    // β·n = 1: id 9 goes; strata of width 8.0008/3 over 0…8: {0,1,2}, {3,4,5}, {6,7,8}; budgets 1, 2, 2
    assertArrayEquals(new int[] {0, 0, 0, 1, 1, 1, 2, 2, 2, -1}, r.stratum());
    int[] perStratum = new int[3];
    for (int id : r.kept()) {
      perStratum[r.stratum()[id]]++;
    }
    assertArrayEquals(new int[] {1, 2, 2}, perStratum);
    assertEquals(0.1, r.beta(), 0.0);
    assertArrayEquals(r.kept(), Selector.select(scores, labels, ccs).kept(), "same seed, same sample");
  }

  @Test
  void ccsCutOffNeverDropsMoreThanThePrunedShare() {
    double[] scores = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
    int[] labels = new int[10];
    // β = 0.5 and 0.6 both leave exactly m = 5 samples, which are then all kept
    for (double beta : new double[] {0.5, 0.6}) {
      SelectionResult r = Selector.select(scores, labels, SelectionParams.defaults(0.5, 1).withBeta(beta));
      assertArrayEquals(range(0, 5), r.kept(), "β = " + beta);
    }
    SelectionResult lowIsHard = Selector.select(scores, labels, new SelectionParams(
        SelectionParams.Mode.CCS_STRATIFIED, 0.5, 0.5, 50, SelectionParams.Budget.PROPORTIONAL, false, 1));
    assertArrayEquals(range(5, 10), lowIsHard.kept());
  }

  @Test
  void ccsIsSeededAndClassBalanced() {
    Random random = new Random(4);
    int n = 600;
    double[] scores = new double[n];
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      scores[i] = random.nextDouble();
      labels[i] = i % 3;
    }
    SelectionParams p = SelectionParams.defaults(0.9, 11);
    SelectionResult a = Selector.select(scores, labels, p);
    SelectionResult b = Selector.select(scores, labels, p);
    SelectionResult other = Selector.select(scores, labels, p.withSeed(12));
    assertArrayEquals(a.kept(), b.kept());
    assertFalse(Arrays.equals(a.kept(), other.kept()));
    assertEquals(60, a.kept().length);
    for (int c = 0; c < 3; c++) {
      int cls = c;
      assertEquals(20, Arrays.stream(a.kept()).filter(i -> labels[i] == cls).count());
    }
    assertEquals(0.3, a.beta(), EXACT);
    // the hard cut-off takes ⌊0.3·200⌋ = 60 per class, the highest scores, and none of them is kept
    assertEquals(180, Arrays.stream(a.stratum()).filter(s -> s == -1).count());
    for (int i = 0; i < n; i++) {
      int cls = labels[i];
      double score = scores[i];
      long higher = java.util.stream.IntStream.range(0, n).filter(j -> labels[j] == cls && scores[j] > score).count();
      assertEquals(higher < 60, a.stratum()[i] == -1, "sample " + i);
    }
    assertTrue(Arrays.stream(a.kept()).allMatch(i -> a.stratum()[i] >= 0));
  }

  @Test
  void ccsSamplesEachStratumUniformly() {
    // one stratum, no cut-off: each of 10 samples is kept with probability 3/10 over many seeds
    double[] scores = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
    int[] labels = new int[10];
    int[] times = new int[10];
    int seeds = 4000;
    for (long seed = 0; seed < seeds; seed++) {
      SelectionParams p = SelectionParams.defaults(0.7, seed).withBeta(0).withStrata(1);
      for (int i : Selector.select(scores, labels, p).kept()) {
        times[i]++;
      }
    }
    double sd = Math.sqrt(seeds * 0.3 * 0.7);
    for (int i = 0; i < 10; i++) {
      assertEquals(0.3 * seeds, times[i], 5 * sd, "sample " + i + " kept " + times[i] + " times");
    }
  }

  @Test
  void ccsKeptSetMovesOnlyWithTheSamplesThatChangeStratum() {
    // coordinated sampling: 10 of 1,000 scores move to other strata (min and max fixed); the kept set of the same
    // seed changes by those samples and the few places the budgets shift, not by a fresh draw of every stratum
    Random random = new Random(8);
    int n = 1000;
    double[] scores = new double[n];
    for (int i = 0; i < n; i++) {
      scores[i] = i < 2 ? i : random.nextDouble();
    }
    double[] moved = scores.clone();
    for (int i = 2; i < 12; i++) {
      moved[i] = (moved[i] + 0.5) % 1.0;
    }
    int[] labels = new int[n];
    SelectionParams p = SelectionParams.defaults(0.7, 3).withBeta(0).withStrata(10);
    int[] before = Selector.select(scores, labels, p).kept();
    int[] after = Selector.select(moved, labels, p).kept();
    java.util.Set<Integer> difference = new java.util.HashSet<>();
    for (int i : before) {
      difference.add(i);
    }
    for (int i : after) {
      if (!difference.remove(i)) {
        difference.add(i);
      }
    }
    assertEquals(300, after.length);
    assertTrue(difference.size() <= 40, difference.size() + " samples in one kept set but not the other");
    int[] otherSeed = Selector.select(scores, labels, p.withSeed(4)).kept();
    long shared = Arrays.stream(otherSeed).filter(i -> Arrays.binarySearch(before, i) >= 0).count();
    assertTrue(shared < 150, "another seed draws afresh: " + shared + " of 300 shared");
  }

  @Test
  void randomKeepsEachClassesBudget() {
    SelectionResult r = Selector.select(SCORES, LABELS, params(SelectionParams.Mode.RANDOM, 0.5));
    assertEquals(3, Arrays.stream(r.kept()).filter(i -> LABELS[i] == 0).count());
    assertEquals(2, Arrays.stream(r.kept()).filter(i -> LABELS[i] == 1).count());
    assertArrayEquals(r.kept(), Selector.select(SCORES, LABELS, params(SelectionParams.Mode.RANDOM, 0.5)).kept());
  }

  @Test
  void budgetsAreExactInDecimal() {
    // 1 − 0.9 is 0.09999999999999998 in double; a class of 10 must still keep 1
    int[] labels = new int[10];
    assertEquals(1, Selector.select(new double[10], labels, params(SelectionParams.Mode.TOP_K, 0.9)).kept().length);
    assertArrayEquals(new int[] {9, 1}, ClassBudgets.of(new int[] {10, 1}, new int[] {0, 1}, 0.1 + 1e-12,
        SelectionParams.Budget.PROPORTIONAL));
    assertArrayEquals(new int[] {3, 2}, ClassBudgets.of(new int[] {5, 4}, new int[] {0, 1}, 0.5,
        SelectionParams.Budget.UNIFORM));
  }

  @Test
  void defaultBetaInterpolatesBetweenTheNotesValues() {
    assertEquals(0.1, SelectionParams.defaults(0.3, 1).effectiveBeta(), EXACT);
    assertEquals(0.1, SelectionParams.defaults(0.7, 1).effectiveBeta(), EXACT);
    assertEquals(0.2, SelectionParams.defaults(0.8, 1).effectiveBeta(), EXACT);
    assertEquals(0.3, SelectionParams.defaults(0.95, 1).effectiveBeta(), EXACT);
  }

  @Test
  void ratesOutsideTheOpenUnitIntervalAreRejected() {
    for (double rate : new double[] {0, 1, -0.1, 1.5, Double.NaN}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> SelectionParams.defaults(rate, 1));
      assertEquals("pruneRate must be in (0, 1), got " + rate, e.getMessage());
    }
  }

  @Test
  void nanScoresAreRejected() {
    double[] scores = SCORES.clone();
    scores[3] = Double.NaN;
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Selector.select(scores, LABELS, SelectionParams.defaults(0.5, 1)));
    assertEquals("score of sample 3 is NaN", e.getMessage());
  }

  @Test
  void aClassTooSmallForItsBudgetIsRejected() {
    int[] labels = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1};
    double[] scores = new double[12];
    IllegalArgumentException uniform = assertThrows(IllegalArgumentException.class, () -> Selector.select(scores,
        labels, SelectionParams.defaults(0.5, 1).withBudget(SelectionParams.Budget.UNIFORM)));
    assertEquals("class 1 has 2 samples, fewer than its uniform budget of 3 at pruneRate 0.5", uniform.getMessage());
    IllegalArgumentException proportional = assertThrows(IllegalArgumentException.class,
        () -> Selector.select(new double[21], withTinyClass(), SelectionParams.defaults(0.9, 1)));
    assertEquals("class 1 has 1 samples, too few to keep any at pruneRate 0.9 (proportional budget 0)",
        proportional.getMessage());
  }

  private static int[] withTinyClass() {
    int[] labels = new int[21];
    labels[20] = 1;
    return labels;
  }
}
