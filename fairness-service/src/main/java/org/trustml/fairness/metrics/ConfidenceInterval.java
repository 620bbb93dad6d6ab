package org.trustml.fairness.metrics;

/**
 * A percentile bootstrap interval. {@code lower} and {@code upper} are {@code NaN} when the interval is undefined:
 * when more resamples than the tail mass (1 − level)/2 gave no value, because the missing ones could all lie in
 * one tail and the percentile would then be anywhere.
 *
 * @param level              e.g. 0.95
 * @param resamples          B
 * @param undefinedResamples resamples in which the statistic was undefined (a group lost all rows, or all of a
 *                           rate's denominator); the interval is taken over the others
 */
public record ConfidenceInterval(double lower, double upper, double level, int resamples, int undefinedResamples) {

  /** Whether the interval has bounds. */
  public boolean defined() {
    return !Double.isNaN(lower) && !Double.isNaN(upper);
  }

  /** Whether {@code x} lies in [lower, upper]. */
  public boolean covers(double x) {
    return defined() && lower <= x && x <= upper;
  }
}
