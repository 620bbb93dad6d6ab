package org.trustml.fairness.metrics;

/**
 * How the values of one metric over groups become one number, exactly as Fairlearn's {@code MetricFrame.difference}
 * and {@code MetricFrame.ratio} document them ({@code method="between_groups"} and {@code method="to_overall"}).
 */
public enum GapMethod {

  /** max_g m(g) − min_g m(g). */
  DIFFERENCE_BETWEEN_GROUPS("difference_between_groups"),
  /** max_g |m(g) − m(all)|. */
  DIFFERENCE_TO_OVERALL("difference_to_overall"),
  /** min_g m(g) / max_g m(g); undefined (NaN) when every group is 0. */
  RATIO_BETWEEN_GROUPS("ratio_between_groups"),
  /** min_g of r_g = m(g)/m(all), each r_g > 1 replaced by 1/r_g; undefined when m(g) = m(all) = 0. */
  RATIO_TO_OVERALL("ratio_to_overall");

  private final String id;

  GapMethod(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  public boolean isRatio() {
    return this == RATIO_BETWEEN_GROUPS || this == RATIO_TO_OVERALL;
  }
}
