package org.trustml.pruning.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ScoreHistogramTest {

  @Test
  void handWorkedBinsWithTheMaximumInTheLastBin() {
    double[] scores = {0, 1, 2, 3, 4, 0.999, 3.5};
    boolean[] kept = {true, false, false, true, true, true, false};
    ScoreHistogram h = ScoreHistogram.of(scores, kept, 4);
    assertThat(h.edges()).containsExactly(0, 1, 2, 3, 4);
    assertThat(h.total()).containsExactly(2, 1, 1, 3);
    assertThat(h.kept()).containsExactly(2, 0, 0, 2);
    assertThat(ScoreHistogram.of(scores, null, 4).kept()).isNull();
    // equal scores all land in the first bin
    ScoreHistogram flat = ScoreHistogram.of(new double[] {2, 2, 2}, null, 5);
    assertThat(flat.total()).containsExactly(3, 0, 0, 0, 0);
  }

  @Test
  void countsSumToTheClassAndKeptCountsToTheKeptSet() {
    Random r = new Random(4);
    for (int trial = 0; trial < 20; trial++) {
      int n = 1 + r.nextInt(500);
      double[] scores = new double[n];
      boolean[] kept = new boolean[n];
      int keptCount = 0;
      for (int i = 0; i < n; i++) {
        scores[i] = r.nextInt(3) == 0 ? Math.floor(r.nextGaussian() * 4) : r.nextGaussian() * 10;
        kept[i] = r.nextBoolean();
        keptCount += kept[i] ? 1 : 0;
      }
      int bins = 1 + r.nextInt(30);
      ScoreHistogram h = ScoreHistogram.of(scores, kept, bins);
      assertThat(Arrays.stream(h.total()).sum()).isEqualTo(n);
      assertThat(Arrays.stream(h.kept()).sum()).isEqualTo(keptCount);
      for (int b = 0; b < bins; b++) {
        assertThat(h.kept()[b]).isLessThanOrEqualTo(h.total()[b]);
        // brute force: the samples inside [edge b, edge b+1), the last bin closed
        int inside = 0;
        for (double s : scores) {
          inside += s >= h.edges()[b] && (s < h.edges()[b + 1] || (b == bins - 1 && s <= h.edges()[b + 1])) ? 1 : 0;
        }
        assertThat(h.total()[b]).as("trial %d bin %d", trial, b).isEqualTo(inside);
      }
    }
  }

  @Test
  void refusesNoBinsAndNonFiniteScores() {
    assertThatThrownBy(() -> ScoreHistogram.of(new double[] {1}, null, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ScoreHistogram.of(new double[] {Double.NaN}, null, 2))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ScoreHistogram.of(new double[] {1, 2}, new boolean[1], 2))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
