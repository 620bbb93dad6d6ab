package org.trustml.fairness.reductions;

/**
 * How far a group may deviate from the overall mean utility: a difference bound ({@code ratio = 1},
 * {@code |group − overall| ≤ slack}) or a ratio bound ({@code ratio·group − overall ≤ slack} and
 * {@code ratio·overall − group ≤ slack}), as in Fairlearn's {@code difference_bound} / {@code ratio_bound} with
 * {@code ratio_bound_slack}.
 *
 * @param ratio in (0, 1]; 1 for a difference bound
 * @param slack the additive slack ε, ≥ 0
 */
public record ParityBound(double ratio, double slack) {

  public ParityBound {
    if (!(ratio > 0 && ratio <= 1)) {
      throw new IllegalArgumentException("ratio must be in (0, 1]");
    }
    if (!(slack >= 0)) {
      throw new IllegalArgumentException("slack must be >= 0");
    }
  }

  /** |group − overall| ≤ eps. */
  public static ParityBound difference(double eps) {
    return new ParityBound(1.0, eps);
  }

  /** group/overall within [ratio, 1/ratio], up to an additive slack. */
  public static ParityBound ratio(double ratio, double slack) {
    return new ParityBound(ratio, slack);
  }

  boolean isDifference() {
    return ratio == 1.0;
  }
}
