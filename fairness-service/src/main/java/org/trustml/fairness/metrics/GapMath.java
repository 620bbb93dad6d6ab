package org.trustml.fairness.metrics;

/**
 * The arithmetic of {@link GapMethod} on the values of the qualifying groups. Pure functions on arrays so that
 * the point estimate and every bootstrap resample run the same code.
 */
final class GapMath {

  /**
   * A gap and the (indices of the) groups that determine it; -1 where none.
   */
  record Result(double value, int first, int second) {
    static final Result UNDEFINED = new Result(Double.NaN, -1, -1);
  }

  private GapMath() {}

  /**
   * @param values  the metric of each qualifying group; any {@code NaN} (a group whose rate became undefined in a
   *                resample) makes the gap undefined
   * @param overall the metric over all rows
   */
  static Result apply(GapMethod method, double[] values, double overall) {
    if (values.length < 2) {
      return Result.UNDEFINED;
    }
    int max = 0;
    int min = 0;
    for (int i = 0; i < values.length; i++) {
      if (Double.isNaN(values[i])) {
        return Result.UNDEFINED;
      }
      if (values[i] > values[max]) {
        max = i;
      }
      if (values[i] < values[min]) {
        min = i;
      }
    }
    switch (method) {
      case DIFFERENCE_BETWEEN_GROUPS:
        return new Result(values[max] - values[min], max, min);
      case RATIO_BETWEEN_GROUPS:
        // 0/0 (every group at 0) is NaN: the groups are equal, but a ratio says nothing about it
        return new Result(values[min] / values[max], min, max);
      case DIFFERENCE_TO_OVERALL: {
        int far = 0;
        for (int i = 1; i < values.length; i++) {
          if (Math.abs(values[i] - overall) > Math.abs(values[far] - overall)) {
            far = i;
          }
        }
        return new Result(Math.abs(values[far] - overall), far, -1);
      }
      case RATIO_TO_OVERALL: {
        int worst = -1;
        double worstRatio = Double.POSITIVE_INFINITY;
        for (int i = 0; i < values.length; i++) {
          double r = values[i] / overall; // g > 0 = overall gives +inf, whose inverse is 0, as in Fairlearn
          if (r > 1) {
            r = 1 / r;
          }
          if (Double.isNaN(r)) {
            return Result.UNDEFINED;
          }
          if (r < worstRatio) {
            worstRatio = r;
            worst = i;
          }
        }
        return new Result(worstRatio, worst, -1);
      }
      default:
        throw new IllegalStateException(method.toString());
    }
  }
}
