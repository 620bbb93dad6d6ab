package org.trustml.pruning.coverage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CoverageReportTest {

  @Test
  void tenPointsOnALineKeptAtBothEnds() {
    double[] x = new double[10];
    for (int i = 0; i < 10; i++) {
      x[i] = i;
    }
    boolean[] keep = new boolean[10];
    keep[0] = true;
    keep[9] = true;

    ClassCoverage c = CoverageReport.of(x, 1, new int[10], keep, 1).classes().get(0);

    // nearest kept: 0 1 2 3 4 4 3 2 1 0; distances to the mean 4.5: median 2.5
    assertEquals(2.5, c.radius(), 1e-12);
    assertEquals((2 * 1 + 2 * 0.6 + 2 * 0.2) / 10, c.auc(), 1e-12);
    assertEquals(0.6, c.coveredAtRadius(), 1e-12);
    assertEquals(4, c.coveringRadius(), 1e-12);
    assertEquals(2.5, c.medianPrunedDistance(), 1e-12);
    assertEquals(1, c.spacing(), 1e-12);
    assertEquals(0.0, c.redundantFraction());
  }

  @Test
  void keptSamplesCloserThanTheSpacingAreRedundant() {
    double[] x = {0, 0.1, 1, 2, 3, 4, 5, 6, 7, 8, 9};
    boolean[] keep = new boolean[x.length];
    keep[0] = true;
    keep[1] = true;
    keep[10] = true;

    ClassCoverage c = CoverageReport.of(x, 1, new int[x.length], keep, 1).classes().get(0);

    // nearest-neighbour distances 0.1 0.1 0.9 1 … 1: median 1; kept 0 and 0.1 are 0.1 apart, 9 is alone
    assertEquals(1, c.spacing(), 1e-12);
    assertEquals(2 / 3.0, c.redundantFraction(), 1e-12);
  }

  @Test
  void theAucIsTheAreaUnderTheCoverageCurve() {
    SplittableRandom random = new SplittableRandom(3);
    int n = 600;
    int dim = 5;
    double[] points = new double[n * dim];
    int[] labels = new int[n];
    boolean[] keep = new boolean[n];
    for (int i = 0; i < n; i++) {
      labels[i] = i % 3;
      keep[i] = random.nextDouble() < 0.15;
      for (int k = 0; k < dim; k++) {
        points[i * dim + k] = labels[i] * 3 + random.nextGaussian() * (1 + labels[i]);
      }
    }
    CoverageReport report = CoverageReport.of(points, dim, labels, keep, 7);

    double weighted = 0;
    for (int c = 0; c < 3; c++) {
      ClassCoverage cc = report.classes().get(c);
      // the coverage curve P(t) = share of the class within t of a kept sample of the class, integrated numerically
      double[] d = new double[cc.samples()];
      int a = 0;
      for (int i = 0; i < n; i++) {
        if (labels[i] != c) {
          continue;
        }
        double best = Double.POSITIVE_INFINITY;
        for (int j = 0; j < n; j++) {
          if (labels[j] == c && keep[j]) {
            double s = 0;
            for (int k = 0; k < dim; k++) {
              s += (points[i * dim + k] - points[j * dim + k]) * (points[i * dim + k] - points[j * dim + k]);
            }
            best = Math.min(best, Math.sqrt(s));
          }
        }
        d[a++] = best;
      }
      Arrays.sort(d);
      int steps = 20_000;
      double area = 0;
      for (int s = 0; s < steps; s++) {
        double t = (s + 0.5) * cc.radius() / steps;
        area += upperCount(d, t) / (double) d.length;
      }
      assertEquals(area / steps, cc.auc(), 1e-4, "class " + c);
      assertEquals(upperCount(d, cc.radius()) / (double) d.length, cc.coveredAtRadius(), 1e-12);
      assertEquals(d[d.length - 1], cc.coveringRadius(), 1e-12);
      assertTrue(cc.auc() > 0 && cc.auc() < 1, "class " + c + ": " + cc.auc());
      weighted += cc.auc() * cc.samples();
    }
    assertEquals(weighted / n, report.auc(), 1e-12);
    double covered = 0;
    double largest = 0;
    double redundant = 0;
    int kept = 0;
    for (ClassCoverage cc : report.classes()) {
      covered += cc.coveredAtRadius() * cc.samples();
      largest = Math.max(largest, cc.coveringRadius());
      redundant += cc.redundantFraction() * cc.kept();
      kept += cc.kept();
    }
    assertEquals(covered / n, report.coveredAtRadius(), 1e-12);
    assertEquals(largest, report.coveringRadius(), 0.0);
    assertEquals(redundant / kept, report.redundantFraction(), 1e-12);
  }

  private static int upperCount(double[] sorted, double t) {
    int count = 0;
    while (count < sorted.length && sorted[count] <= t) {
      count++;
    }
    return count;
  }

  @Test
  void keepingEverythingCoversEverything() {
    double[] points = {0, 0, 1, 0, 0, 1, 5, 5, 6, 5};
    boolean[] all = {true, true, true, true, true};
    CoverageReport r = CoverageReport.of(points, 2, new int[] {0, 0, 0, 1, 1}, all, 1);
    assertEquals(1.0, r.auc(), 0.0);
    for (ClassCoverage c : r.classes()) {
      assertEquals(0.0, c.coveringRadius());
      assertEquals(0.0, c.medianPrunedDistance());
    }
  }

  @Test
  void aClassWithNothingKeptOrMismatchedInputsAreRefused() {
    double[] points = {0, 1, 2, 3};
    assertThrows(IllegalArgumentException.class,
        () -> CoverageReport.of(points, 1, new int[] {0, 0, 1, 1}, new boolean[] {true, false, false, false}, 1));
    assertThrows(IllegalArgumentException.class,
        () -> CoverageReport.of(points, 1, new int[] {0, 0, 1}, new boolean[] {true, true, true}, 1));
  }
}
