package org.trustml.fairness.metrics;

import java.util.List;

/**
 * Every view of one classifier's predictions over the protected attributes.
 *
 * @param n              rows
 * @param overall        the metrics of all rows
 * @param marginal       one view per attribute, in the caller's order
 * @param additive       max and sum of the marginal gaps
 * @param intersectional the cells of the product of all attributes
 * @param mmm            multi-max mistreatment
 */
public record FairnessReport(int n, int minSupport, int bootstrapResamples, double confidenceLevel, long seed,
    GroupMetrics overall, List<MarginalView> marginal, AdditiveView additive, IntersectionalView intersectional,
    Mmm mmm) {

  public FairnessReport {
    marginal = List.copyOf(marginal);
  }

  /** The marginal view of one attribute. */
  public MarginalView marginal(String attribute) {
    return marginal.stream().filter(m -> m.attribute().equals(attribute)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no attribute '" + attribute + "'"));
  }
}
