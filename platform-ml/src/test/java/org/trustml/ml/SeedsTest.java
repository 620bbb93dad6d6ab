package org.trustml.ml;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SeedsTest {

  @Test
  void permutationsArePermutationsAndFollowTheSeed() {
    int[] a = Seeds.permutation(1000, Seeds.newRandom(3));
    int[] b = Seeds.permutation(1000, Seeds.newRandom(3));
    int[] c = Seeds.permutation(1000, Seeds.newRandom(4));

    assertThat(a).isEqualTo(b).isNotEqualTo(c);
    int[] sorted = a.clone();
    Arrays.sort(sorted);
    for (int i = 0; i < sorted.length; i++) {
      assertThat(sorted[i]).isEqualTo(i);
    }
    assertThat(Seeds.permutation(0, Seeds.newRandom(1))).isEmpty();
  }

  @Test
  void foldsLongSeedsIntoTheEnginesInt() {
    assertThat(Seeds.engineSeed(42)).isEqualTo(42);
    assertThat(Seeds.engineSeed(1L << 32)).isEqualTo(1);
    assertThat(Seeds.engineSeed(-1)).isEqualTo(0);
  }
}
