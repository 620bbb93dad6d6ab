package org.trustml.fairness.reductions;

import java.util.HashMap;
import java.util.Map;

/**
 * Kamiran and Calders' reweighing (2012, "Data preprocessing techniques for classification without
 * discrimination"): each (group, label) cell gets the weight {@code w(s, y) = n_y·n_s / (n·n_{s,y})}, the ratio of
 * the cell's expected count under independence to its observed count. Under these weights label and group are
 * independent and the total weight is n. Any number of groups; labels are any ints (usually 0/1).
 */
public final class Reweighing {

  private Reweighing() {
  }

  /** The weight of every row. */
  public static double[] weights(int[] labels, int[] sensitive) {
    int n = labels.length;
    if (sensitive.length != n) {
      throw new IllegalArgumentException("labels and sensitive codes differ in length");
    }
    Map<Integer, Integer> perLabel = new HashMap<>();
    Map<Integer, Integer> perGroup = new HashMap<>();
    Map<Long, Integer> perCell = new HashMap<>();
    for (int i = 0; i < n; i++) {
      perLabel.merge(labels[i], 1, Integer::sum);
      perGroup.merge(sensitive[i], 1, Integer::sum);
      perCell.merge(cell(sensitive[i], labels[i]), 1, Integer::sum);
    }
    double[] w = new double[n];
    for (int i = 0; i < n; i++) {
      double expected = (double) perLabel.get(labels[i]) * perGroup.get(sensitive[i]);
      w[i] = expected / ((double) n * perCell.get(cell(sensitive[i], labels[i])));
    }
    return w;
  }

  private static long cell(int group, int label) {
    return ((long) group << 32) ^ (label & 0xffffffffL);
  }
}
