package org.trustml.fairness.metrics;

import java.util.Map;

/**
 * One attribute at one pipeline stage: the metric of each group among the rows that reached the stage, and the
 * gap D_{s,j} = max − min between the groups that have the minimum support there.
 *
 * @param byGroup        group → metric among its rows that reached the stage (NaN below support or undefined)
 * @param reachedByGroup group → rows that reached the stage
 */
public record StageGap(String attribute, Map<String, Double> byGroup, Map<String, Long> reachedByGroup, Gap gap) {

  public StageGap {
    byGroup = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(byGroup));
    reachedByGroup = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(reachedByGroup));
  }
}
