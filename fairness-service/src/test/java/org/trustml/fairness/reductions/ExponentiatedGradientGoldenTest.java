package org.trustml.fairness.reductions;

import static org.assertj.core.api.Assertions.within;

import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fairlearn's ExponentiatedGradient smoke table (design note §10): 20 rows, groups A/B/C, least-squares learner;
 * disparity = max γ and error of the randomized classifier's P(ŷ = 1), to 1e-5, plus the diagnostics.
 */
class ExponentiatedGradientGoldenTest {

  private static final String GROUPS = "AAAAAAABBBBBBBCCCCCC";
  private static final String LABELS = "01101000010111001111";
  private static final String X1 = "01101010111101001011";
  private static final String X2 = "00001000000011111111";
  private static final double PRECISION = 1e-5;

  static Stream<Arguments> table() {
    return Stream.of(
        row(ParityConstraint.DEMOGRAPHIC_PARITY, 0.100, 1.0, 0.100000, 0.250000, 3, 32),
        row(ParityConstraint.DEMOGRAPHIC_PARITY, 0.050, 1.0, 0.050000, 0.266522, 6, 23),
        row(ParityConstraint.DEMOGRAPHIC_PARITY, 0.020, 1.0, 0.020000, 0.332261, 5, 22),
        row(ParityConstraint.DEMOGRAPHIC_PARITY, 0.010, 1.0, 0.010000, 0.354174, 5, 22),
        row(ParityConstraint.DEMOGRAPHIC_PARITY, 0.005, 1.0, 0.005000, 0.365130, 5, 22),
        row(ParityConstraint.EQUALIZED_ODDS, 0.100, 1.0, 0.100000, 0.309333, 4, 21),
        row(ParityConstraint.EQUALIZED_ODDS, 0.050, 1.0, 0.050000, 0.378827, 6, 19),
        row(ParityConstraint.EQUALIZED_ODDS, 0.020, 1.0, 0.020000, 0.421531, 6, 19),
        row(ParityConstraint.EQUALIZED_ODDS, 0.010, 1.0, 0.010000, 0.435765, 6, 19),
        row(ParityConstraint.EQUALIZED_ODDS, 0.005, 1.0, 0.005000, 0.442883, 6, 19),
        row(ParityConstraint.ERROR_RATE_PARITY, 0.1, 1.0, 0.100000, 0.25625, 3, 17),
        row(ParityConstraint.ERROR_RATE_PARITY, 0.05, 1.0, 0.049999, 0.3, 3, 17),
        row(ParityConstraint.ERROR_RATE_PARITY, 0.02, 1.0, 0.019999, 0.326250, 3, 17),
        row(ParityConstraint.ERROR_RATE_PARITY, 0.01, 1.0, 0.010000, 0.325555, 4, 18),
        row(ParityConstraint.ERROR_RATE_PARITY, 0.005, 1.0, 0.005000, 0.329444, 5, 19),
        row(ParityConstraint.TRUE_POSITIVE_RATE_PARITY, 0.005, 1.0, 0.0, 0.25, 2, 16),
        row(ParityConstraint.FALSE_POSITIVE_RATE_PARITY, 0.005, 1.0, 0.005000, 0.427133, 3, 17),
        // ratio bound 0.8 with slack eps
        row(ParityConstraint.DEMOGRAPHIC_PARITY, 0.100, 0.8, -0.020000, 0.250000, 2, 17),
        row(ParityConstraint.DEMOGRAPHIC_PARITY, 0.050, 0.8, -0.020000, 0.250000, 2, 17),
        row(ParityConstraint.DEMOGRAPHIC_PARITY, 0.020, 0.8, -0.020000, 0.250000, 2, 17),
        row(ParityConstraint.DEMOGRAPHIC_PARITY, 0.010, 0.8, -0.020000, 0.250000, 2, 17),
        row(ParityConstraint.DEMOGRAPHIC_PARITY, 0.005, 0.8, -0.020000, 0.250000, 2, 17),
        row(ParityConstraint.EQUALIZED_ODDS, 0.100, 0.8, 0.100000, 0.25, 4, 22),
        row(ParityConstraint.EQUALIZED_ODDS, 0.050, 0.8, 0.050000, 0.277016, 4, 22),
        row(ParityConstraint.EQUALIZED_ODDS, 0.020, 0.8, 0.020000, 0.296612, 4, 22),
        row(ParityConstraint.EQUALIZED_ODDS, 0.010, 0.8, 0.010000, 0.303145, 4, 22),
        row(ParityConstraint.EQUALIZED_ODDS, 0.005, 0.8, 0.005000, 0.306411, 4, 22),
        row(ParityConstraint.ERROR_RATE_PARITY, 0.1, 0.8, 0.092857, 0.25, 3, 17),
        row(ParityConstraint.ERROR_RATE_PARITY, 0.05, 0.8, 0.050000, 0.253472, 6, 26),
        row(ParityConstraint.ERROR_RATE_PARITY, 0.02, 0.8, 0.020000, 0.268055, 5, 26),
        row(ParityConstraint.ERROR_RATE_PARITY, 0.01, 0.8, 0.010000, 0.272916, 5, 26),
        row(ParityConstraint.ERROR_RATE_PARITY, 0.005, 0.8, 0.005000, 0.275347, 5, 26));
  }

  /** Fairlearn's rows with the labels flipped, and with the objective's false-negative cost 2. */
  static Stream<Arguments> flippedAndCosted() {
    return Stream.of(
        variant(ParityConstraint.TRUE_POSITIVE_RATE_PARITY, 0.005, 1.0, true, 1, 0.005, 0.427133, 3, 17),
        variant(ParityConstraint.FALSE_POSITIVE_RATE_PARITY, 0.005, 1.0, true, 1, 0.0, 0.25, 2, 16),
        variant(ParityConstraint.EQUALIZED_ODDS, 0.005, 1.0, true, 1, 0.005, 0.442883, 6, 19),
        variant(ParityConstraint.DEMOGRAPHIC_PARITY, 0.05, 1.0, false, 2, 0.05, 0.407142, 4, 18),
        variant(ParityConstraint.DEMOGRAPHIC_PARITY, 0.05, 0.8, false, 2, 0.05, 0.263830, 3, 21),
        variant(ParityConstraint.DEMOGRAPHIC_PARITY, 0.02, 1.0, false, 2, 0.02, 0.422, 5, 19),
        variant(ParityConstraint.DEMOGRAPHIC_PARITY, 0.02, 0.8, false, 2, 0.02, 0.286170, 3, 21),
        variant(ParityConstraint.EQUALIZED_ODDS, 0.05, 1.0, false, 2, 0.05, 0.4125, 6, 23),
        variant(ParityConstraint.EQUALIZED_ODDS, 0.05, 0.8, false, 2, 0.05, 0.324067, 4, 22),
        variant(ParityConstraint.EQUALIZED_ODDS, 0.02, 1.0, false, 2, 0.02, 0.435, 6, 23),
        variant(ParityConstraint.EQUALIZED_ODDS, 0.02, 0.8, false, 2, 0.02, 0.339179, 4, 22));
  }

  private static Arguments row(ParityConstraint c, double eps, double ratio, double disparity, double error,
      int predictors, int oracleCalls) {
    return variant(c, eps, ratio, false, 1, disparity, error, predictors, oracleCalls);
  }

  private static Arguments variant(ParityConstraint c, double eps, double ratio, boolean flipped, double fnCost,
      double disparity, double error, int predictors, int oracleCalls) {
    return Arguments.of(c, eps, ratio, flipped, fnCost, disparity, error, predictors, oracleCalls);
  }

  @ParameterizedTest(name = "{0} eps={1} ratio={2} flipped={3} fnCost={4}")
  @MethodSource({"table", "flippedAndCosted"})
  void reproducesFairlearn(ParityConstraint constraint, double eps, double ratio, boolean flipped, double fnCost,
      double disparity, double error, int predictors, int oracleCalls) {
    int n = LABELS.length();
    float[] x = new float[n * 3];
    int[] y = new int[n];
    int[] a = new int[n];
    for (int i = 0; i < n; i++) {
      x[3 * i] = X1.charAt(i) - '0';
      x[3 * i + 1] = X2.charAt(i) - '0';
      x[3 * i + 2] = 1f;
      y[i] = flipped ? '1' - LABELS.charAt(i) : LABELS.charAt(i) - '0';
      a[i] = GROUPS.charAt(i) - 'A';
    }
    ParityBound bound = ratio == 1.0 ? ParityBound.difference(eps) : ParityBound.ratio(ratio, eps);
    ExponentiatedGradientResult result = new ExponentiatedGradient(new LeastSquaresLearner(), constraint, bound,
        new ExponentiatedGradient.Options(eps, 50, Double.NaN, 2.0, true, 1.0, fnCost)).fit(x, 3, y, a);

    double[] p = result.classifier().predictProbabilities(x, 3);
    double observedDisparity = max(new ParityMoment(constraint, bound, y, a).gamma(p));
    double observedError = new ErrorRateObjective(y, 1, fnCost).error(p);
    SoftAssertions soft = new SoftAssertions();
    soft.assertThat(observedDisparity).as("disparity").isCloseTo(disparity, within(PRECISION));
    soft.assertThat(observedError).as("error").isCloseTo(error, within(PRECISION));
    soft.assertThat(result.bestGap()).as("best gap").isCloseTo(0.0, within(PRECISION));
    soft.assertThat(result.bestGap()).isLessThan(result.nu());
    soft.assertThat(result.lastIter()).as("last iter").isEqualTo(5);
    soft.assertThat(result.bestIter()).as("best iter").isEqualTo(5);
    soft.assertThat(result.predictorCount()).as("predictors").isEqualTo(predictors);
    soft.assertThat(result.oracleCalls()).as("oracle calls").isEqualTo(oracleCalls);
    soft.assertAll();
  }

  private static double max(double[] v) {
    double m = Double.NEGATIVE_INFINITY;
    for (double d : v) {
      m = Math.max(m, d);
    }
    return m;
  }
}
