package org.trustml.fairness.reductions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class WeightedLogisticRegressionTest {

  @Test
  void recoversTheGeneratingCoefficients() {
    SplittableRandom random = new SplittableRandom(1);
    int n = 20000;
    float[] x = new float[2 * n];
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      x[2 * i] = (float) (3 * random.nextGaussian() + 10);
      x[2 * i + 1] = (float) random.nextGaussian();
      double logit = 0.5 * (x[2 * i] - 10) - 1.0 * x[2 * i + 1] + 0.3;
      y[i] = random.nextDouble() < WeightedLogisticRegression.sigmoid(logit) ? 1 : 0;
    }
    double[] w = new double[n];
    Arrays.fill(w, 1.0);
    var model = (WeightedLogisticRegression.LogisticModel) new WeightedLogisticRegression(0).fit(x, 2, y, w);
    assertThat(model.coefficients()[0]).isCloseTo(0.5, within(0.05));
    assertThat(model.coefficients()[1]).isCloseTo(-1.0, within(0.06));
    assertThat(model.intercept()).isCloseTo(0.3 - 5.0, within(0.6));
  }

  @Test
  void anIntegerWeightActsLikeDuplicatedRows() {
    float[] x = {0, 1, 2, 3, 4, 5};
    int[] y = {0, 0, 1, 0, 1, 1};
    double[] w = {1, 2, 1, 3, 1, 1};
    float[] dx = {0, 1, 1, 2, 3, 3, 3, 4, 5};
    int[] dy = {0, 0, 0, 1, 0, 0, 0, 1, 1};
    double[] ones = new double[dy.length];
    Arrays.fill(ones, 1.0);
    var weighted = (WeightedLogisticRegression.LogisticModel) new WeightedLogisticRegression(1e-3).fit(x, 1, y, w);
    var duplicated = (WeightedLogisticRegression.LogisticModel) new WeightedLogisticRegression(1e-3)
        .fit(dx, 1, dy, ones);
    assertThat(weighted.coefficients()[0]).isCloseTo(duplicated.coefficients()[0], within(1e-8));
    assertThat(weighted.intercept()).isCloseTo(duplicated.intercept(), within(1e-8));
  }
}
