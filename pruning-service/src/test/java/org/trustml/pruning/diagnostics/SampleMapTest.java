package org.trustml.pruning.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SampleMapTest {

  @Test
  void theSubsampleIsSeededDistinctAscendingAndOfTheAskedSize() {
    int[] a = SampleMap.subsample(1000, 50, 3);
    assertThat(a).hasSize(50).isSorted();
    assertThat(Arrays.stream(a).distinct().count()).isEqualTo(50);
    assertThat(Arrays.stream(a).allMatch(i -> i >= 0 && i < 1000)).isTrue();
    assertThat(SampleMap.subsample(1000, 50, 3)).isEqualTo(a);
    assertThat(SampleMap.subsample(1000, 50, 4)).isNotEqualTo(a);
    assertThat(SampleMap.subsample(7, 50, 3)).containsExactly(0, 1, 2, 3, 4, 5, 6);
  }

  @Test
  void eachClassIsProjectedOnItsOwnAndPointsCarryTheirClassScoreAndKeptFlag() {
    // class 0 on a line along (1, 1, 0) in R^3, class 1 on a line along (0, 0, 1) far away: per class, the first
    // component is the position along the line (up to a common sign) and the second is 0
    int n = 20;
    double[] u = new double[n * 3];
    int[] labels = new int[n];
    double[] scores = new double[n];
    boolean[] kept = new boolean[n];
    for (int i = 0; i < n; i++) {
      labels[i] = i % 2;
      double t = i;
      if (labels[i] == 0) {
        u[3 * i] = t;
        u[3 * i + 1] = t;
      } else {
        u[3 * i] = 100;
        u[3 * i + 2] = 3 * t;
      }
      scores[i] = i * 0.5;
      kept[i] = i % 3 == 0;
    }
    SampleMap map = SampleMap.of(u, 3, labels, true, scores, kept, 100, 1);
    assertThat(map.frame()).isEqualTo("per-class");
    assertThat(map.ids()).hasSize(n);
    for (int c = 0; c < 2; c++) {
      double slope = c == 0 ? Math.sqrt(2) : 3;
      int first = -1;
      for (int r = 0; r < n; r++) {
        if (map.classes()[r] != c) {
          continue;
        }
        assertThat(map.y()[r]).isCloseTo(0, within(1e-9));
        if (first < 0) {
          first = r;
        } else {
          // distances along the line are kept
          assertThat(Math.abs(map.x()[r] - map.x()[first])).isCloseTo(slope * (r - first), within(1e-9));
        }
      }
    }
    for (int r = 0; r < n; r++) {
      int i = map.ids()[r];
      assertThat(map.classes()[r]).isEqualTo(labels[i]);
      assertThat(map.scores()[r]).isEqualTo(scores[i]);
      assertThat(map.kept()[r]).isEqualTo(kept[i]);
    }
    // one projection for all: the classes are apart along the first component
    SampleMap global = SampleMap.of(u, 3, labels, false, scores, null, 8, 1);
    assertThat(global.frame()).isEqualTo("global");
    assertThat(global.ids()).hasSize(8);
    assertThat(global.kept()).isNull();
  }
}
