package org.trustml.fairness.boost;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FairnessPenaltyTest {

  /** The penalty recomputed from its definition, independently of FairnessPenalty's coefficients. */
  private static double smoothMax(double[] raw, int[] y, List<boolean[]> groups, Constraint c, double beta) {
    double[] pen = new double[groups.size()];
    for (int j = 0; j < pen.length; j++) {
      boolean[] s = groups.get(j);
      double dTpr = meanDiff(raw, y, s, 1, false);
      double dTnr = meanDiff(raw, y, s, 0, true);
      double dPpr = meanDiff(raw, y, s, -1, false);
      pen[j] = switch (c) {
        case DP -> dPpr * dPpr;
        case EP, TPR -> dTpr * dTpr;
        case FPR -> dTnr * dTnr;
        default -> dTpr * dTpr + dTnr * dTnr;
      };
    }
    double sum = 0;
    for (double v : pen) {
      sum += Math.exp(beta * v);
    }
    return Math.log(sum) / beta;
  }

  private static double meanDiff(double[] raw, int[] y, boolean[] s, int label, boolean complement) {
    double[] sum = new double[2];
    double[] count = new double[2];
    for (int i = 0; i < raw.length; i++) {
      if (label < 0 || y[i] == label) {
        double p = 1 / (1 + Math.exp(-raw[i]));
        int g = s[i] ? 1 : 0;
        sum[g] += complement ? 1 - p : p;
        count[g]++;
      }
    }
    return sum[1] / count[1] - sum[0] / count[0];
  }

  @Test
  void gradientMatchesCentralFiniteDifferences() {
    SplittableRandom r = new SplittableRandom(5);
    int n = 120;
    int[] y = new int[n];
    double[] raw = new double[n];
    boolean[] a = new boolean[n];
    boolean[] b = new boolean[n];
    for (int i = 0; i < n; i++) {
      a[i] = r.nextDouble() < 0.6;
      b[i] = r.nextDouble() < 0.3;
      y[i] = r.nextDouble() < (a[i] ? 0.6 : 0.3) ? 1 : 0;
      raw[i] = r.nextGaussian() + (a[i] ? 0.8 : -0.4) + (b[i] ? 0.5 : 0);
    }
    List<boolean[]> groups = List.of(a, b);
    for (Constraint c : List.of(Constraint.DP, Constraint.EP, Constraint.TPR, Constraint.FPR, Constraint.EO)) {
      double beta = 10;
      double[] g = new FairnessPenalty(groups, y, c, beta).gradient(raw);
      double scale = 0;
      for (double v : g) {
        scale = Math.max(scale, Math.abs(v));
      }
      assertTrue(scale > 1e-6, c + ": the gradient should not vanish");
      double h = 1e-5;
      for (int i = 0; i < n; i++) {
        double keep = raw[i];
        raw[i] = keep + h;
        double up = smoothMax(raw, y, groups, c, beta);
        raw[i] = keep - h;
        double down = smoothMax(raw, y, groups, c, beta);
        raw[i] = keep;
        double fd = (up - down) / (2 * h);
        assertTrue(Math.abs(fd - g[i]) <= 1e-6 * Math.max(Math.abs(g[i]), scale * 1e-3),
            c + " row " + i + ": analytic " + g[i] + " vs finite difference " + fd);
      }
    }
  }

  @Test
  void withoutGroupingsThePenaltyAndItsGradientVanish() {
    FairnessPenalty none = new FairnessPenalty(List.of(), new int[] {0, 1, 1}, Constraint.EO, 10);
    double[] raw = {0.3, -0.2, 1.0};
    org.junit.jupiter.api.Assertions.assertEquals(0, none.smoothMax(raw));
    org.junit.jupiter.api.Assertions.assertArrayEquals(new double[3], none.gradient(raw));
  }

  @Test
  void noneIsNotAPenalty() {
    assertThrows(IllegalArgumentException.class,
        () -> new FairnessPenalty(List.of(new boolean[] {true, false}), new int[] {0, 1}, Constraint.NONE, 10));
  }
}
