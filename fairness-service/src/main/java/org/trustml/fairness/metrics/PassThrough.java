package org.trustml.fairness.metrics;

import java.util.Map;

/**
 * The compounded end-to-end effect of a pipeline on one attribute: P(pass all | a) = Π_s P(pass s | passed s−1, a)
 * per group (the product telescopes to the fraction of the group's rows that passed every stage, which is how
 * it is computed, so it stays defined when a group is stopped early), and the gap between groups.
 *
 * @param byGroup    group → P(pass all | group) (NaN below support)
 * @param difference max − min between groups
 * @param ratio      min / max between groups (the four-fifths rule's ratio)
 */
public record PassThrough(String attribute, Map<String, Double> byGroup, Gap difference, Gap ratio) {

  public PassThrough {
    byGroup = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(byGroup));
  }
}
