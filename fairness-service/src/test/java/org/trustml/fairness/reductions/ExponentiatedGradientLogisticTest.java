package org.trustml.fairness.reductions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.trustml.fairness.data.FairProblem;

/** EG around logistic regression on synthetic data whose labels and features depend on the group. */
class ExponentiatedGradientLogisticTest {

  private static final int N = 1500;
  private static final int WIDTH = 3;

  private static FairProblem biased(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] x = new float[N * WIDTH];
    int[] y = new int[N];
    int[] codes = new int[N];
    boolean[] nonProtected = new boolean[N];
    for (int i = 0; i < N; i++) {
      int g = random.nextDouble() < 0.4 ? 0 : 1;
      codes[i] = g;
      nonProtected[i] = g == 1;
      double shift = g == 1 ? 0.8 : -0.4;
      x[i * WIDTH] = (float) (random.nextGaussian() + shift);
      x[i * WIDTH + 1] = (float) random.nextGaussian();
      x[i * WIDTH + 2] = (float) (random.nextGaussian() + 0.5 * shift);
      double logit = 1.2 * x[i * WIDTH] - 0.7 * x[i * WIDTH + 1] + 0.5 * x[i * WIDTH + 2] - 0.2;
      y[i] = random.nextDouble() < WeightedLogisticRegression.sigmoid(logit) ? 1 : 0;
    }
    FairProblem.Attribute sex = new FairProblem.Attribute("group", List.of("p", "n"), codes, nonProtected);
    return new FairProblem(List.of("a", "b", "c"), x, y, List.of(sex), codes, List.of("group=p", "group=n"));
  }

  /** max over groups of |selection rate of group − overall| for P(ŷ = 1) per row. */
  private static double parityGap(double[] p, int[] groups) {
    double[] sum = new double[2];
    int[] count = new int[2];
    double overall = 0;
    for (int i = 0; i < p.length; i++) {
      sum[groups[i]] += p[i];
      count[groups[i]]++;
      overall += p[i];
    }
    overall /= p.length;
    return Math.max(Math.abs(sum[0] / count[0] - overall), Math.abs(sum[1] / count[1] - overall));
  }

  @Test
  void reducesTheDemographicParityGapOfLogisticRegression() {
    FairProblem problem = biased(17);
    int[] groups = problem.attributes().get(0).codes();
    double[] ones = new double[N];
    Arrays.fill(ones, 1.0);
    Classifier plain = new WeightedLogisticRegression().fit(problem.features(), WIDTH, problem.labels(), ones);
    double plainGap = parityGap(Arrays.stream(plain.predictAll(problem.features(), WIDTH))
        .asDoubleStream().toArray(), groups);

    double eps = 0.02;
    ExponentiatedGradientResult result = new ExponentiatedGradient(new WeightedLogisticRegression(),
        ParityConstraint.DEMOGRAPHIC_PARITY, ParityBound.difference(eps),
        ExponentiatedGradient.Options.defaults().withEps(eps)).fit(problem, groups);
    double[] p = result.classifier().predictProbabilities(problem.features(), WIDTH);
    double fairGap = parityGap(p, groups);

    assertThat(plainGap).isGreaterThan(0.15);
    assertThat(fairGap).isLessThanOrEqualTo(eps + 0.005);
    double weightSum = Arrays.stream(result.classifier().weights()).sum();
    assertThat(weightSum).isCloseTo(1.0, within(1e-9));

    // seeded randomized decisions are reproducible; the deterministic mode is P >= 0.5
    int[] sampled = result.classifier().sampleAll(problem.features(), WIDTH, 99);
    assertThat(result.classifier().sampleAll(problem.features(), WIDTH, 99)).isEqualTo(sampled);
    for (int i = 0; i < N; i++) {
      assertThat(result.classifier().predict(problem.features(), i * WIDTH)).isEqualTo(p[i] >= 0.5 ? 1 : 0);
    }
  }

  @Test
  void boundsEqualizedOddsOnIntersectionalCells() {
    FairProblem problem = biased(23);
    SplittableRandom random = new SplittableRandom(5);
    int[] labels = problem.labels().clone();
    int[] cells = new int[N];
    for (int i = 0; i < N; i++) {
      // a second attribute that shifts the labels' relation to the features: cell = group × second attribute
      int second = random.nextDouble() < 0.5 ? 1 : 0;
      cells[i] = 2 * problem.attributes().get(0).codes()[i] + second;
      if (second == 1 && labels[i] == 0 && random.nextDouble() < 0.3) {
        labels[i] = 1;
      }
    }
    double eps = 0.03;
    ParityBound bound = ParityBound.difference(eps);
    ParityMoment moment = new ParityMoment(ParityConstraint.EQUALIZED_ODDS, bound, labels, cells);
    double[] ones = new double[N];
    Arrays.fill(ones, 1.0);
    Classifier plain = new WeightedLogisticRegression().fit(problem.features(), WIDTH, labels, ones);
    double plainViolation = max(moment.gamma(Arrays.stream(plain.predictAll(problem.features(), WIDTH))
        .asDoubleStream().toArray()));

    ExponentiatedGradientResult result = new ExponentiatedGradient(new WeightedLogisticRegression(),
        ParityConstraint.EQUALIZED_ODDS, bound, ExponentiatedGradient.Options.defaults().withEps(eps))
        .fit(problem.features(), WIDTH, labels, cells);
    double fairViolation = max(moment.gamma(result.classifier().predictProbabilities(problem.features(), WIDTH)));

    assertThat(plainViolation).isGreaterThan(0.1);
    assertThat(fairViolation).isLessThanOrEqualTo(eps + 0.005);
  }

  private static double max(double[] v) {
    return Arrays.stream(v).max().orElseThrow();
  }
}
