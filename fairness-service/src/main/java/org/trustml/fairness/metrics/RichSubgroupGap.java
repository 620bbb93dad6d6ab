package org.trustml.fairness.metrics;

import java.util.List;

/**
 * Rich-subgroup unfairness of one metric over the qualifying intersectional cells: max_g w_g · |m(g) − m̄|.
 * The weight is the mass of the population the rate is taken over, as in Kearns, Neel, Roth and Wu (2018):
 * w_g = n_g / n for selection rate and accuracy (the design note's n_g / n), P(g, y = 1) = positives_g / n for TPR
 * and P(g, y = 0) = negatives_g / n for FPR, so a cell with few positives cannot dominate a TPR audit.
 *
 * @param group     the cell attaining the maximum
 * @param weight    its w_g
 * @param deviation its |m(g) − m̄|
 */
public record RichSubgroupGap(String metric, double value, String group, double weight, double deviation,
    ConfidenceInterval ci, List<String> excludedGroups, List<String> flags) {

  public RichSubgroupGap {
    excludedGroups = List.copyOf(excludedGroups);
    flags = List.copyOf(flags);
  }
}
