package org.trustml.pruning.selection;

import java.util.Arrays;

/** Orders by score: top-k keeps the highest, bottom-k the lowest; ties go to the lower position. */
final class RankedSelection {

  private RankedSelection() {}

  /** Positions sorted by score, descending when {@code highFirst}; ties by position ascending. */
  static int[] order(double[] scores, boolean highFirst) {
    Integer[] order = new Integer[scores.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> {
      int c = highFirst ? Double.compare(scores[b], scores[a]) : Double.compare(scores[a], scores[b]);
      return c != 0 ? c : Integer.compare(a, b);
    });
    return Arrays.stream(order).mapToInt(Integer::intValue).toArray();
  }

  /** The first {@code budget} positions of {@link #order}, ascending. */
  static int[] first(double[] scores, int budget, boolean highFirst) {
    int[] kept = Arrays.copyOf(order(scores, highFirst), budget);
    Arrays.sort(kept);
    return kept;
  }
}
