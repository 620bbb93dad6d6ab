package org.trustml.fairness.metrics;

import java.util.List;

/**
 * One protected attribute on its own: the metrics of each of its groups and every criterion's gaps between them.
 *
 * @param disparities one entry per {@link Criterion}, in declaration order
 */
public record MarginalView(String attribute, MetricFrame frame, List<CriterionGaps> disparities) {

  public MarginalView {
    disparities = List.copyOf(disparities);
  }

  /** The gaps of one criterion. */
  public CriterionGaps gaps(Criterion c) {
    return disparities.get(c.ordinal());
  }
}
