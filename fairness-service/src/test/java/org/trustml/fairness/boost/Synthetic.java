package org.trustml.fairness.boost;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.trustml.fairness.data.FairProblem;

/** Seeded synthetic problems for the boosting tests. */
final class Synthetic {

  private Synthetic() { }

  /**
   * A biased problem: the true label is 1[x0 + 0.5·x2 + noise > 0]; in the protected group of attribute "group"
   * 35% of the positives are recorded as negatives (group-dependent label noise). Feature x1 is a noisy proxy of
   * the group, so an unconstrained model learns the bias. A second attribute "band" (three values, binary view
   * band == "a") is independent of everything. Feature column 0 is NOT the group.
   */
  static FairProblem biased(int n, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    int d = 5;
    float[] x = new float[n * d];
    int[] y = new int[n];
    boolean[] group = new boolean[n];
    int[] groupCodes = new int[n];
    int[] bandCodes = new int[n];
    boolean[] band = new boolean[n];
    int[] cells = new int[n];
    for (int i = 0; i < n; i++) {
      group[i] = r.nextDouble() < 0.6;
      groupCodes[i] = group[i] ? 1 : 0;
      bandCodes[i] = r.nextInt(3);
      band[i] = bandCodes[i] == 0;
      x[i * d] = (float) r.nextGaussian();
      x[i * d + 1] = (float) ((group[i] ? 1 : 0) + 0.5 * r.nextGaussian());
      x[i * d + 2] = (float) r.nextGaussian();
      x[i * d + 3] = r.nextBoolean() ? 1f : 0f;
      x[i * d + 4] = (float) r.nextInt(7);
      double z = x[i * d] + 0.5 * x[i * d + 2] + 0.3 * r.nextGaussian();
      y[i] = z > 0 ? 1 : 0;
      if (!group[i] && y[i] == 1 && r.nextDouble() < 0.35) {
        y[i] = 0;
      }
      cells[i] = groupCodes[i] * 3 + bandCodes[i];
    }
    List<FairProblem.Attribute> attributes = List.of(
        new FairProblem.Attribute("group", List.of("p", "n"), groupCodes, group),
        new FairProblem.Attribute("band", List.of("a", "b", "c"), bandCodes, band));
    List<String> cellNames = new ArrayList<>();
    for (String g : List.of("p", "n")) {
      for (String b : List.of("a", "b", "c")) {
        cellNames.add("group=" + g + " & band=" + b);
      }
    }
    return new FairProblem(List.of("x0", "x1", "x2", "x3", "x4"), x, y, attributes, cells, cellNames);
  }

  /** Independent oracle: gaps of non-protected minus protected TPR, TNR, PPR for one binary view. */
  static double[] gaps(boolean[] nonProtected, int[] y, int[] pred) {
    double[][] hits = new double[2][3];
    double[][] totals = new double[2][3];
    for (int i = 0; i < y.length; i++) {
      int g = nonProtected[i] ? 1 : 0;
      if (y[i] == 1) {
        totals[g][0]++;
        hits[g][0] += pred[i];
      } else {
        totals[g][1]++;
        hits[g][1] += 1 - pred[i];
      }
      totals[g][2]++;
      hits[g][2] += pred[i];
    }
    double[] out = new double[3];
    for (int k = 0; k < 3; k++) {
      out[k] = hits[1][k] / totals[1][k] - hits[0][k] / totals[0][k];
    }
    return out;
  }

  static double error(int[] y, int[] pred) {
    int wrong = 0;
    for (int i = 0; i < y.length; i++) {
      wrong += y[i] != pred[i] ? 1 : 0;
    }
    return wrong / (double) y.length;
  }
}
