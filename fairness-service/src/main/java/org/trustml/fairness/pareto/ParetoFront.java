package org.trustml.fairness.pareto;

import java.util.ArrayList;
import java.util.List;

/**
 * The non-dominated candidates under mmm-fair's rule: a candidate is dropped only if another is strictly better in
 * every objective, so weakly dominated candidates (equal in one objective) survive.
 */
public final class ParetoFront {

  private ParetoFront() {}

  /** Indices of the surviving rows of {@code f}, ascending. */
  public static int[] nonDominated(double[][] f) {
    List<Integer> keep = new ArrayList<>();
    for (int i = 0; i < f.length; i++) {
      boolean dominated = false;
      for (int k = 0; k < f.length && !dominated; k++) {
        dominated = k != i && strictlyBetter(f[k], f[i]);
      }
      if (!dominated) {
        keep.add(i);
      }
    }
    return keep.stream().mapToInt(Integer::intValue).toArray();
  }

  private static boolean strictlyBetter(double[] a, double[] b) {
    for (int j = 0; j < a.length; j++) {
      if (!(a[j] < b[j])) {
        return false;
      }
    }
    return true;
  }
}
