package org.trustml.pruning.evaluation;

/**
 * Mean and sample standard deviation of a few repeated measurements (accuracy over seeds).
 *
 * @param values the measurements, in seed order
 * @param mean   their arithmetic mean
 * @param std    the sample standard deviation (n − 1 in the denominator; 0 for a single value)
 */
public record Summary(double[] values, double mean, double std) {

  /**
   * @throws IllegalArgumentException for no values or a non-finite one
   */
  public static Summary of(double... values) {
    if (values.length == 0) {
      throw new IllegalArgumentException("no values to summarise");
    }
    double sum = 0;
    for (double v : values) {
      if (!Double.isFinite(v)) {
        throw new IllegalArgumentException("value " + v + " is not finite");
      }
      sum += v;
    }
    double mean = sum / values.length;
    double squares = 0;
    for (double v : values) {
      squares += (v - mean) * (v - mean);
    }
    double std = values.length == 1 ? 0 : Math.sqrt(squares / (values.length - 1));
    return new Summary(values.clone(), mean, std);
  }
}
