package org.trustml.pruning.evaluation;

import java.util.List;

/** Overlap of kept sets: |A ∩ B| / |A ∪ B|, 1 for identical sets. */
public final class Jaccard {

  private Jaccard() {}

  /**
   * @param a distinct ids, ascending (as {@code SelectionResult.kept})
   * @param b distinct ids, ascending
   * @throws IllegalArgumentException when an array is not strictly ascending, or both are empty
   */
  public static double of(int[] a, int[] b) {
    ascending(a);
    ascending(b);
    if (a.length == 0 && b.length == 0) {
      throw new IllegalArgumentException("the Jaccard index of two empty sets is undefined");
    }
    int i = 0;
    int j = 0;
    int common = 0;
    while (i < a.length && j < b.length) {
      if (a[i] == b[j]) {
        common++;
        i++;
        j++;
      } else if (a[i] < b[j]) {
        i++;
      } else {
        j++;
      }
    }
    return (double) common / (a.length + b.length - common);
  }

  /**
   * The mean over all unordered pairs of sets (the overlap across seeds).
   *
   * @throws IllegalArgumentException for fewer than two sets
   */
  public static double meanPairwise(List<int[]> sets) {
    if (sets.size() < 2) {
      throw new IllegalArgumentException("pairwise overlap needs at least two sets, got " + sets.size());
    }
    double sum = 0;
    int pairs = 0;
    for (int p = 0; p < sets.size(); p++) {
      for (int q = p + 1; q < sets.size(); q++) {
        sum += of(sets.get(p), sets.get(q));
        pairs++;
      }
    }
    return sum / pairs;
  }

  private static void ascending(int[] ids) {
    for (int k = 1; k < ids.length; k++) {
      if (ids[k] <= ids[k - 1]) {
        throw new IllegalArgumentException("ids must be distinct and ascending; " + ids[k] + " follows "
            + ids[k - 1]);
      }
    }
  }
}
