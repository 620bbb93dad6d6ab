package org.trustml.fairness.reductions;

import java.util.List;

/**
 * One group's randomized threshold rule: with probability {@code weight} the rule "decide 1 iff score ≥ threshold"
 * is used, so P(ŷ = 1 | score) = Σ weight·1[score ≥ threshold]. A threshold of +∞ never selects. Two rules are
 * Fairlearn's interpolation between two thresholds ({@code p0, p1}); one rule is a deterministic threshold.
 *
 * @param group the sensitive code
 * @param rules the rules with positive weight, by decreasing threshold; weights sum to 1
 */
public record GroupThresholds(int group, List<Rule> rules) {

  public GroupThresholds {
    rules = List.copyOf(rules);
  }

  /** Decide 1 iff score ≥ {@code threshold}, used with probability {@code weight}. */
  public record Rule(double threshold, double weight) {
  }

  /** P(ŷ = 1) for a row of this group with this score. */
  public double probability(double score) {
    double p = 0;
    for (Rule r : rules) {
      if (score >= r.threshold()) {
        p += r.weight();
      }
    }
    return Math.min(1.0, p);
  }
}
