package org.trustml.fairness.metrics;

import java.util.List;
import java.util.Map;

/**
 * The additive view of one criterion: the marginal gap D_j (difference between groups) of each attribute, their
 * maximum (the attribute that drives it) and their sum, with intervals from the same resamples as the marginals.
 *
 * @param byAttribute attribute → D_j (NaN where undefined)
 * @param max         max_j D_j over the attributes where D_j is defined (a lower bound when some are not)
 * @param sum         Σ_j D_j; NaN when any D_j is undefined, since a sum with a missing term means nothing
 * @param flags       {@code undefined-attribute:<name>} for each attribute without D_j
 */
public record AdditiveCriterion(String criterion, Map<String, Double> byAttribute, double max,
    String drivingAttribute, ConfidenceInterval maxCi, double sum, ConfidenceInterval sumCi, List<String> flags) {

  public static final String FLAG_UNDEFINED_ATTRIBUTE = "undefined-attribute:";

  public AdditiveCriterion {
    byAttribute = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(byAttribute));
    flags = List.copyOf(flags);
  }
}
