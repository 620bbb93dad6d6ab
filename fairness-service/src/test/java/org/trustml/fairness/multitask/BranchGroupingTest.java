package org.trustml.fairness.multitask;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class BranchGroupingTest {

  // 0–1 very close, 1–2 close, 0–2 not (single linkage still chains them), 3 unlike everyone
  private static final double[][] AFFINITY = {
    {1.0, 0.9, 0.2, 0.1},
    {0.9, 1.0, 0.75, 0.3},
    {0.2, 0.75, 1.0, 0.1},
    {0.1, 0.3, 0.1, 1.0},
  };

  @Test
  void singleLinkageChainsPairsAboveTau() {
    assertThat(BranchGrouping.cluster(AFFINITY, 0.7)).containsExactly(List.of(0, 1, 2), List.of(3));
  }

  @Test
  void aHigherTauLeavesMoreTasksAlone() {
    assertThat(BranchGrouping.cluster(AFFINITY, 0.8)).containsExactly(List.of(0, 1), List.of(2), List.of(3));
    assertThat(BranchGrouping.cluster(AFFINITY, 0.95))
        .containsExactly(List.of(0), List.of(1), List.of(2), List.of(3));
  }

  @Test
  void anAffinityEqualToTauMerges() {
    assertThat(BranchGrouping.cluster(AFFINITY, 0.75)).containsExactly(List.of(0, 1, 2), List.of(3));
  }

  @Test
  void aLowTauPutsEveryoneTogether() {
    assertThat(BranchGrouping.cluster(AFFINITY, 0.0)).containsExactly(List.of(0, 1, 2, 3));
  }
}
