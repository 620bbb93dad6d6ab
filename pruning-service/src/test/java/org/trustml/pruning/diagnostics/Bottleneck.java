package org.trustml.pruning.diagnostics;

import java.util.Arrays;

/**
 * The bottleneck distance between two diagrams of finite bars, by the textbook construction (a test oracle, cubic
 * and plain): each side gets a diagonal copy of every point of the other side; a point may match a point of the
 * other diagram (cost: L∞ distance) or its own diagonal copy (cost: (death − birth) / 2), two diagonal copies match
 * at 0. The distance is the smallest candidate cost at which a perfect matching using only edges of at most that
 * cost exists (binary search over the sorted costs, Kuhn's augmenting paths).
 */
final class Bottleneck {

  private Bottleneck() {}

  static double distance(double[][] a, double[][] b) {
    int p = a.length;
    int q = b.length;
    int n = p + q;
    double[][] cost = new double[n][n];
    for (double[] row : cost) {
      Arrays.fill(row, Double.POSITIVE_INFINITY);
    }
    for (int i = 0; i < p; i++) {
      for (int j = 0; j < q; j++) {
        cost[i][j] = Math.max(Math.abs(a[i][0] - b[j][0]), Math.abs(a[i][1] - b[j][1]));
      }
      cost[i][q + i] = (a[i][1] - a[i][0]) / 2;
    }
    for (int j = 0; j < q; j++) {
      cost[p + j][j] = (b[j][1] - b[j][0]) / 2;
      for (int i = 0; i < p; i++) {
        cost[p + j][q + i] = 0;
      }
    }
    double[] candidates = Arrays.stream(cost).flatMapToDouble(Arrays::stream).filter(Double::isFinite).distinct()
        .sorted().toArray();
    if (n == 0) {
      return 0;
    }
    int lo = 0;
    int hi = candidates.length - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (perfect(cost, candidates[mid])) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return candidates[lo];
  }

  private static boolean perfect(double[][] cost, double limit) {
    int n = cost.length;
    int[] matchOfRight = new int[n];
    Arrays.fill(matchOfRight, -1);
    for (int left = 0; left < n; left++) {
      if (!augment(cost, limit, left, new boolean[n], matchOfRight)) {
        return false;
      }
    }
    return true;
  }

  private static boolean augment(double[][] cost, double limit, int left, boolean[] seen, int[] matchOfRight) {
    for (int right = 0; right < cost.length; right++) {
      if (cost[left][right] <= limit && !seen[right]) {
        seen[right] = true;
        if (matchOfRight[right] < 0 || augment(cost, limit, matchOfRight[right], seen, matchOfRight)) {
          matchOfRight[right] = left;
          return true;
        }
      }
    }
    return false;
  }
}
