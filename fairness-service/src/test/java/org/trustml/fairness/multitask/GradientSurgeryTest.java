package org.trustml.fairness.multitask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class GradientSurgeryTest {

  @Test
  void conflictingPairIsProjectedOntoEachOthersNormalPlane() {
    float[] g1 = {1, 0};
    float[] g2 = {-1, 1};
    GradientSurgery.Result r = GradientSurgery.project(new float[][] {g1, g2});

    // g1 − (g1·g2 / |g2|²) g2 = (1, 0) + ½(−1, 1); g2 − (g1·g2 / |g1|²) g1 = (−1, 1) + (1, 0)
    assertThat(r.conflicts()).isEqualTo(1);
    assertThat(r.gradients()[0]).containsExactly(new float[] {0.5f, 0.5f}, within(1e-6f));
    assertThat(r.gradients()[1]).containsExactly(new float[] {0f, 1f}, within(1e-6f));
    assertThat(g1).containsExactly(1f, 0f);
  }

  @Test
  void agreeingGradientsAreLeftAlone() {
    GradientSurgery.Result r = GradientSurgery.project(new float[][] {{1, 2}, {3, -1}});
    assertThat(r.conflicts()).isZero();
    assertThat(r.gradients()[0]).containsExactly(1f, 2f);
    assertThat(r.gradients()[1]).containsExactly(3f, -1f);
  }

  @Test
  void twoProjectedGradientsNeverConflict() {
    Random random = new Random(11);
    for (int trial = 0; trial < 200; trial++) {
      float[] a = new float[6];
      float[] b = new float[6];
      for (int i = 0; i < 6; i++) {
        a[i] = (float) random.nextGaussian();
        b[i] = (float) random.nextGaussian();
      }
      float[][] p = GradientSurgery.project(new float[][] {a, b}).gradients();
      assertThat(GradientSurgery.dot(p[0], p[1])).isGreaterThanOrEqualTo(-1e-5);
      if (GradientSurgery.dot(a, b) < 0) {
        // each projected gradient is orthogonal to the other's original
        assertThat(GradientSurgery.dot(p[0], b)).isCloseTo(0, within(1e-4));
        assertThat(GradientSurgery.dot(p[1], a)).isCloseTo(0, within(1e-4));
      }
    }
  }
}
