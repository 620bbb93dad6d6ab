package org.trustml.pruning.manifold;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/** Grouping samples by label, and moving rows between the full array and one group's array. */
public final class ClassIndex {

  private ClassIndex() {}

  /** Sample indices per label, labels ascending, indices ascending within each. */
  public static List<int[]> members(int[] labels) {
    TreeMap<Integer, List<Integer>> byLabel = new TreeMap<>();
    for (int i = 0; i < labels.length; i++) {
      byLabel.computeIfAbsent(labels[i], l -> new ArrayList<>()).add(i);
    }
    List<int[]> groups = new ArrayList<>();
    for (List<Integer> g : byLabel.values()) {
      groups.add(g.stream().mapToInt(Integer::intValue).toArray());
    }
    return groups;
  }

  /** 0 … n−1. */
  public static int[] all(int n) {
    int[] a = new int[n];
    for (int i = 0; i < n; i++) {
      a[i] = i;
    }
    return a;
  }

  /** The rows {@code members} of a row-major matrix, in that order. */
  public static double[] gather(double[] rows, int dimension, int[] members) {
    double[] out = new double[members.length * dimension];
    for (int m = 0; m < members.length; m++) {
      System.arraycopy(rows, members[m] * dimension, out, m * dimension, dimension);
    }
    return out;
  }

  /** Writes row m of {@code part} to row members[m] of {@code full} (modified). */
  public static void scatter(double[] part, int dimension, int[] members, double[] full) {
    for (int m = 0; m < members.length; m++) {
      System.arraycopy(part, m * dimension, full, members[m] * dimension, dimension);
    }
  }
}
