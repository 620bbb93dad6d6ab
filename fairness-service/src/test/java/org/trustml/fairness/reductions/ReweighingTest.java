package org.trustml.fairness.reductions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ReweighingTest {

  @Test
  void matchesTheClosedForm() {
    // n = 10; group 0: labels 1,1,1,0 ; group 1: labels 1,0,0,0,0,0
    int[] y = {1, 1, 1, 0, 1, 0, 0, 0, 0, 0};
    int[] s = {0, 0, 0, 0, 1, 1, 1, 1, 1, 1};
    double[] w = Reweighing.weights(y, s);
    // n_1 = 4, n_0 = 6, n_s0 = 4, n_s1 = 6; cells (0,1)=3, (0,0)=1, (1,1)=1, (1,0)=5
    assertThat(w[0]).isCloseTo(4.0 * 4 / (10 * 3), within(1e-15));
    assertThat(w[3]).isCloseTo(6.0 * 4 / (10 * 1), within(1e-15));
    assertThat(w[4]).isCloseTo(4.0 * 6 / (10 * 1), within(1e-15));
    assertThat(w[5]).isCloseTo(6.0 * 6 / (10 * 5), within(1e-15));
  }

  @Test
  void makesLabelAndGroupIndependentWithTotalWeightN() {
    SplittableRandom random = new SplittableRandom(7);
    int n = 5000;
    int groups = 4;
    int[] y = new int[n];
    int[] s = new int[n];
    for (int i = 0; i < n; i++) {
      s[i] = random.nextInt(groups);
      y[i] = random.nextDouble() < 0.2 + 0.15 * s[i] ? 1 : 0;
    }
    double[] w = Reweighing.weights(y, s);
    double total = 0;
    double[][] joint = new double[groups][2];
    for (int i = 0; i < n; i++) {
      total += w[i];
      joint[s[i]][y[i]] += w[i];
    }
    assertThat(total).isCloseTo(n, within(1e-9));
    double[] pLabel = new double[2];
    double[] pGroup = new double[groups];
    for (int g = 0; g < groups; g++) {
      for (int l = 0; l < 2; l++) {
        pLabel[l] += joint[g][l] / total;
        pGroup[g] += joint[g][l] / total;
      }
    }
    for (int g = 0; g < groups; g++) {
      for (int l = 0; l < 2; l++) {
        assertThat(joint[g][l] / total).isCloseTo(pLabel[l] * pGroup[g], within(1e-12));
      }
    }
  }
}
