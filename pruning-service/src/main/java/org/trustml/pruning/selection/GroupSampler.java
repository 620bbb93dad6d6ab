package org.trustml.pruning.selection;

import java.util.SplittableRandom;

/**
 * Chooses which members of one group (a class, or all samples when selection is not class-balanced) to keep: the
 * pluggable step of {@link Selector#partitioned}, so every pruning method shares the budgets, seeding and result
 * layout.
 */
@FunctionalInterface
public interface GroupSampler {

  /**
   * @param members the group's sample ids, ascending (not to be modified)
   * @param budget  how many to keep, 1 ≤ budget ≤ members.length
   * @param random  this group's own stream, split from the master seed
   * @param stratum per member position, the stratum it fell in (modified: the output; starts at −1 = none)
   * @return the kept positions within {@code members}, each once (any order)
   */
  int[] keep(int[] members, int budget, SplittableRandom random, int[] stratum);
}
