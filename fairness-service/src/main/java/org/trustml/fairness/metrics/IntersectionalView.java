package org.trustml.fairness.metrics;

import java.util.List;

/**
 * Intersectional discrimination: the cells of the product of the protected attributes (race × sex × age band),
 * each with its metrics when it has the minimum support (otherwise flagged {@code insufficient-support}, without
 * rates and without gap contribution), the criteria's gaps between qualifying cells, the intersectional excess
 * per cell, ε-differential fairness and rich-subgroup unfairness.
 *
 * @param productSize       the number of combinations of values (saturating at Long.MAX_VALUE)
 * @param emptyCells        combinations without rows (listed in the frame only while the product is small)
 * @param cellsBelowSupport non-empty cells below the minimum support
 * @param disparities       one entry per {@link Criterion}, gaps between qualifying cells
 * @param excess            per qualifying cell and metric (selection rate, TPR, FPR, accuracy); empty for one
 *                          attribute
 * @param richSubgroup      one entry per metric (selection rate, TPR, FPR, accuracy)
 */
public record IntersectionalView(List<String> attributes, long productSize, long emptyCells,
    int cellsBelowSupport, MetricFrame frame, List<CriterionGaps> disparities,
    List<IntersectionalExcess> excess, DifferentialFairness differentialFairness,
    List<RichSubgroupGap> richSubgroup) {

  public IntersectionalView {
    attributes = List.copyOf(attributes);
    disparities = List.copyOf(disparities);
    excess = List.copyOf(excess);
    richSubgroup = List.copyOf(richSubgroup);
  }

  public CriterionGaps gaps(Criterion c) {
    return disparities.get(c.ordinal());
  }
}
