package org.trustml.fairness.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class GroupCodesTest {

  @Test
  void aTestTablesCodesAreMappedByNameAndUnseenNamesGetNewCodes() {
    List<String> train = List.of("sex=F & race=A", "sex=F & race=B", "sex=M & race=A");
    List<String> test = List.of("sex=F & race=B", "sex=M & race=A", "sex=M & race=C");
    int[] aligned = GroupCodes.align(train, test, new int[] {0, 1, 2, 2, 0});
    assertThat(aligned).containsExactly(1, 2, 3, 3, 1);
  }

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
