package org.trustml.fairness.reductions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ThresholdOptimizerTest {

  private static final int GROUPS = 3;

  /** Scores from a noisy model whose calibration and base rate differ by group; scores rounded to create ties. */
  private static Data data(long seed, int n) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] scores = new double[n];
    int[] groups = new int[n];
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      groups[i] = random.nextInt(GROUPS);
      labels[i] = random.nextDouble() < 0.25 + 0.2 * groups[i] ? 1 : 0;
      double signal = (labels[i] == 1 ? 1.0 : -0.5) + 0.4 * groups[i] + random.nextGaussian() * (0.8 + 0.3 * groups[i]);
      scores[i] = Math.round(signal * 20) / 20.0;
    }
    return new Data(scores, groups, labels);
  }

  private record Data(double[] scores, int[] groups, int[] labels) {
  }

  /** Per group: selection rate, TPR, FPR of expected decisions. */
  private static double[][] rates(double[] p, Data d) {
    double[][] r = new double[GROUPS][3];
    double[][] counts = new double[GROUPS][3];
    for (int i = 0; i < p.length; i++) {
      int g = d.groups[i];
      r[g][0] += p[i];
      counts[g][0]++;
      r[g][d.labels[i] == 1 ? 1 : 2] += p[i];
      counts[g][d.labels[i] == 1 ? 1 : 2]++;
    }
    for (int g = 0; g < GROUPS; g++) {
      for (int k = 0; k < 3; k++) {
        r[g][k] /= counts[g][k];
      }
    }
    return r;
  }

  private static double objective(double[] p, Data d, ThresholdObjective objective) {
    double tp = 0;
    double tn = 0;
    int positives = 0;
    for (int i = 0; i < p.length; i++) {
      positives += d.labels[i];
      if (d.labels[i] == 1) {
        tp += p[i];
      } else {
        tn += 1 - p[i];
      }
    }
    int negatives = p.length - positives;
    return objective == ThresholdObjective.ACCURACY
        ? (tp + tn) / p.length
        : 0.5 * (tp / positives + tn / negatives);
  }

  /** The largest gap between groups in the rates the constraint ties together. */
  private static double gap(double[][] r, ThresholdConstraint c) {
    double worst = 0;
    for (int k = 0; k < 3; k++) {
      boolean tied = k == 0 ? c.selectionRate : k == 1 ? c.truePositiveRate : c.falsePositiveRate;
      if (!tied) {
        continue;
      }
      double lo = Double.POSITIVE_INFINITY;
      double hi = Double.NEGATIVE_INFINITY;
      for (double[] g : r) {
        lo = Math.min(lo, g[k]);
        hi = Math.max(hi, g[k]);
      }
      worst = Math.max(worst, hi - lo);
    }
    return worst;
  }

  @ParameterizedTest
  @EnumSource(ThresholdConstraint.class)
  void expectedDecisionsSatisfyTheConstraintAndBeatEveryFeasibleCommonThreshold(ThresholdConstraint constraint) {
    Data d = data(11, 3000);
    for (ThresholdObjective objective : ThresholdObjective.values()) {
      ThresholdClassifier fitted = new ThresholdOptimizer(constraint, objective).fit(d.scores, d.groups, d.labels);
      double[] p = fitted.probabilities(d.scores, d.groups);
      assertThat(gap(rates(p, d), constraint)).as("%s %s", constraint, objective).isLessThanOrEqualTo(1e-9);
      double achieved = objective(p, d, objective);

      TreeSet<Double> thresholds = new TreeSet<>();
      for (double s : d.scores) {
        thresholds.add(s);
      }
      thresholds.add(Double.POSITIVE_INFINITY);
      double bestCommon = Double.NEGATIVE_INFINITY;
      for (double t : thresholds) {
        double[] q = new double[p.length];
        for (int i = 0; i < q.length; i++) {
          q[i] = d.scores[i] >= t ? 1 : 0;
        }
        if (gap(rates(q, d), constraint) <= 1e-12) {
          bestCommon = Math.max(bestCommon, objective(q, d, objective));
        }
      }
      assertThat(bestCommon).isGreaterThan(Double.NEGATIVE_INFINITY);
      assertThat(achieved).as("%s %s", constraint, objective).isGreaterThanOrEqualTo(bestCommon - 1e-12);
      // a fair post-processing cannot beat the unconstrained best per-group thresholds
      assertThat(achieved).isLessThanOrEqualTo(unconstrainedBest(d, objective) + 1e-12);
    }
  }

  @Test
  void demographicParityAccuracyEqualsTheConcaveEnvelopeOptimum() {
    Data d = data(5, 2000);
    ThresholdClassifier fitted = new ThresholdOptimizer(ThresholdConstraint.DEMOGRAPHIC_PARITY,
        ThresholdObjective.ACCURACY).fit(d.scores, d.groups, d.labels);
    double achieved = objective(fitted.probabilities(d.scores, d.groups), d, ThresholdObjective.ACCURACY);
    assertThat(achieved).isCloseTo(envelopeOptimum(d), within(1e-9));
  }

  /**
   * Independent check for demographic parity: per group, correct decisions as a function of the selection rate is
   * the upper concave envelope of the threshold points; their sum is concave and piecewise linear, so its maximum is
   * at some group's breakpoint.
   */
  private static double envelopeOptimum(Data d) {
    double[][] xs = new double[GROUPS][];
    double[][] ys = new double[GROUPS][];
    TreeSet<Double> breakpoints = new TreeSet<>();
    for (int g = 0; g < GROUPS; g++) {
      final int group = g;
      int[] rows = IntStream.range(0, d.labels.length).filter(i -> d.groups[i] == group).toArray();
      Integer[] order = Arrays.stream(rows).boxed().toArray(Integer[]::new);
      Arrays.sort(order, (a, b) -> Double.compare(d.scores[b], d.scores[a]));
      int negatives = 0;
      for (int i : rows) {
        negatives += 1 - d.labels[i];
      }
      List<double[]> pts = new ArrayList<>();
      pts.add(new double[] {0, negatives});
      int tp = 0;
      int fp = 0;
      for (int k = 0; k < order.length; k++) {
        tp += d.labels[order[k]];
        fp += 1 - d.labels[order[k]];
        if (k + 1 == order.length || d.scores[order[k + 1]] != d.scores[order[k]]) {
          pts.add(new double[] {(double) (k + 1) / rows.length, tp + negatives - fp});
        }
      }
      List<double[]> hull = new ArrayList<>();
      for (double[] p : pts) {
        while (hull.size() >= 2) {
          double[] a = hull.get(hull.size() - 2);
          double[] b = hull.get(hull.size() - 1);
          if ((b[0] - a[0]) * (p[1] - a[1]) - (b[1] - a[1]) * (p[0] - a[0]) >= 0) {
            hull.remove(hull.size() - 1);
          } else {
            break;
          }
        }
        hull.add(p);
      }
      xs[g] = hull.stream().mapToDouble(p -> p[0]).toArray();
      ys[g] = hull.stream().mapToDouble(p -> p[1]).toArray();
      for (double x : xs[g]) {
        breakpoints.add(x);
      }
    }
    double best = Double.NEGATIVE_INFINITY;
    for (double s : breakpoints) {
      double correct = 0;
      for (int g = 0; g < GROUPS; g++) {
        correct += interpolate(xs[g], ys[g], s);
      }
      best = Math.max(best, correct / d.labels.length);
    }
    return best;
  }

  private static double interpolate(double[] x, double[] y, double at) {
    for (int k = 1; k < x.length; k++) {
      if (at <= x[k]) {
        return y[k - 1] + (y[k] - y[k - 1]) * (at - x[k - 1]) / (x[k] - x[k - 1]);
      }
    }
    return y[y.length - 1];
  }

  private static double unconstrainedBest(Data d, ThresholdObjective objective) {
    // per group, the best deterministic threshold is optimal without constraints (objective is separable)
    double[] p = new double[d.labels.length];
    TreeSet<Double> thresholds = new TreeSet<>();
    for (double s : d.scores) {
      thresholds.add(s);
    }
    thresholds.add(Double.POSITIVE_INFINITY);
    for (int g = 0; g < GROUPS; g++) {
      double best = Double.NEGATIVE_INFINITY;
      double bestT = 0;
      for (double t : thresholds) {
        double[] q = p.clone();
        for (int i = 0; i < q.length; i++) {
          if (d.groups[i] == g) {
            q[i] = d.scores[i] >= t ? 1 : 0;
          }
        }
        double v = objective(q, d, objective);
        if (v > best) {
          best = v;
          bestT = t;
        }
      }
      for (int i = 0; i < p.length; i++) {
        if (d.groups[i] == g) {
          p[i] = d.scores[i] >= bestT ? 1 : 0;
        }
      }
    }
    return objective(p, d, objective);
  }

  @Test
  void seededSamplesAreReproducibleAndFollowTheProbabilities() {
    Data d = data(3, 4000);
    ThresholdClassifier fitted = new ThresholdOptimizer(ThresholdConstraint.EQUALIZED_ODDS,
        ThresholdObjective.ACCURACY).fit(d.scores, d.groups, d.labels);
    int[] a = fitted.sample(d.scores, d.groups, 42);
    assertThat(fitted.sample(d.scores, d.groups, 42)).isEqualTo(a);
    double[] p = fitted.probabilities(d.scores, d.groups);
    double expected = Arrays.stream(p).sum();
    double drawn = Arrays.stream(a).sum();
    assertThat(drawn).isCloseTo(expected, within(4 * Math.sqrt(d.labels.length)));
    assertThat(fitted.groups()).hasSize(GROUPS);
    for (GroupThresholds g : fitted.groups().values()) {
      assertThat(g.rules().stream().mapToDouble(GroupThresholds.Rule::weight).sum()).isCloseTo(1.0, within(1e-9));
    }
    assertThatThrownBy(() -> fitted.probability(0.0, 99)).isInstanceOf(IllegalArgumentException.class);
  }
}
