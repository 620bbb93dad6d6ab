package org.trustml.fairness.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SplitsTest {

  @Test
  void strataKeysSplitEveryStratumInProportion() {
    long[] keys = new long[100];
    for (int i = 0; i < keys.length; i++) {
      keys[i] = i < 80 ? 0 : 5;
    }
    Splits.Split split = Splits.stratified(keys, 0.25, 3);
    assertThat(split.held()).hasSize(25);
    assertThat(Arrays.stream(split.held()).filter(i -> i >= 80).count()).isEqualTo(5);
    assertThat(split.train().length + split.held().length).isEqualTo(100);
    assertThat(Splits.stratified(keys, 0.25, 3).held()).isEqualTo(split.held());
  }
}
