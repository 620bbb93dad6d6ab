package org.trustml.fairness.metrics;

import java.util.List;

/**
 * Additive (multiple) discrimination: one decision disadvantaging on several grounds, each separately provable.
 * Measured, per criterion, by the marginal gaps D_j combined as max_j D_j and Σ_j D_j (design note §9).
 */
public record AdditiveView(List<String> attributes, List<AdditiveCriterion> criteria) {

  public AdditiveView {
    attributes = List.copyOf(attributes);
    criteria = List.copyOf(criteria);
  }

  public AdditiveCriterion criterion(Criterion c) {
    return criteria.get(c.ordinal());
  }
}
