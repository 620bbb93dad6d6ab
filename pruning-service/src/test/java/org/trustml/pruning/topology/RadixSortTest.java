package org.trustml.pruning.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RadixSortTest {

  @Test
  void sortsLikeArraysSortAndKeepsEqualKeysInInputOrder() {
    Random random = new Random(345);
    int m = 5000;
    long[] keys = new long[m];
    int[] payload = new int[m];
    for (int i = 0; i < m; i++) {
      // few distinct lengths, as doubles: many ties, and digits that differ only in some passes
      keys[i] = Double.doubleToRawLongBits(random.nextInt(50) * 0.125);
      payload[i] = i;
    }
    long[] expected = keys.clone();
    Arrays.sort(expected);

    RadixSort.sort(keys, payload, m);

    assertThat(keys).containsExactly(expected);
    for (int i = 1; i < m; i++) {
      if (keys[i] == keys[i - 1]) {
        assertThat(payload[i]).isGreaterThan(payload[i - 1]);
      }
    }
  }
}
