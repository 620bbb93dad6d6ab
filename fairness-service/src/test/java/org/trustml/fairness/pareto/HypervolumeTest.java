package org.trustml.fairness.pareto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class HypervolumeTest {

  @Test
  void oneBoxIsItsVolume() {
    assertThat(Hypervolume.of(new double[][] {{0.5, 0.25, 0.8}}, new double[] {1, 1, 1}))
        .isCloseTo(0.5 * 0.75 * 0.2, within(1e-15));
  }

  @Test
  void aTwoDimensionalStaircaseIsItsArea() {
    double[][] pts = {{0.1, 0.8}, {0.4, 0.3}, {0.7, 0.1}};
    // strips between successive x: 0.3·0.2 + 0.3·0.7 + 0.3·0.9
    assertThat(Hypervolume.of(pts, new double[] {1, 1})).isCloseTo(0.06 + 0.21 + 0.27, within(1e-12));
  }

  @Test
  void threeDimensionsAgreeWithInclusionExclusion() {
    Random r = new Random(7);
    for (int trial = 0; trial < 20; trial++) {
      double[][] pts = new double[4][3];
      for (double[] p : pts) {
        for (int j = 0; j < 3; j++) {
          p[j] = r.nextDouble();
        }
      }
      assertThat(Hypervolume.of(pts, new double[] {1, 1, 1})).isCloseTo(inclusionExclusion(pts), within(1e-12));
    }
  }

  /** Σ over non-empty subsets of (−1)^{|S|+1}·volume of the box dominated by the subset's component-wise max. */
  private static double inclusionExclusion(double[][] pts) {
    double total = 0;
    for (int mask = 1; mask < 1 << pts.length; mask++) {
      double[] corner = new double[3];
      for (int i = 0; i < pts.length; i++) {
        if ((mask & 1 << i) != 0) {
          for (int j = 0; j < 3; j++) {
            corner[j] = Math.max(corner[j], pts[i][j]);
          }
        }
      }
      double v = (1 - corner[0]) * (1 - corner[1]) * (1 - corner[2]);
      total += Integer.bitCount(mask) % 2 == 1 ? v : -v;
    }
    return total;
  }
}
