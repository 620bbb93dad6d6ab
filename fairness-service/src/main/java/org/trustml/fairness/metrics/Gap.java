package org.trustml.fairness.metrics;

import java.util.List;

/**
 * One gap (a difference or a ratio between groups) with its bootstrap interval. A gap that means nothing is not
 * given as a number: {@code value} is {@code NaN} and {@code flags} says why.
 *
 * @param value          the gap, {@code NaN} when undefined
 * @param metric         the metric the value comes from ("tpr", or for equalized odds the dominating component;
 *                       "tpr+fpr" for the mean)
 * @param groups         the groups that determine the value: [highest, lowest] for a difference between groups,
 *                       [lowest, highest] for a ratio between groups, [the most distant group] to overall
 * @param ci             the percentile interval, {@code null} when the bootstrap is off
 * @param excludedGroups groups left out: below the minimum support, or the metric is undefined for them
 * @param flags          see the {@code FLAG_} constants
 */
public record Gap(double value, String metric, List<String> groups, ConfidenceInterval ci,
    List<String> excludedGroups, List<String> flags) {

  /** Some groups were left out of the comparison (below support, or their rate is undefined). */
  public static final String FLAG_GROUPS_EXCLUDED = "groups-excluded";
  /** Fewer than two groups qualify, so there is no gap. */
  public static final String FLAG_FEWER_THAN_TWO_GROUPS = "fewer-than-two-groups";
  /** The gap is undefined for another reason (a ratio of 0/0, an undefined component). */
  public static final String FLAG_UNDEFINED = "undefined";
  /** The bootstrap interval is undefined (see {@link ConfidenceInterval}). */
  public static final String FLAG_CI_UNDEFINED = "ci-undefined";
  /** Some resamples gave no value; the interval is over the others. */
  public static final String FLAG_CI_PARTIAL = "ci-partial";

  public Gap {
    groups = List.copyOf(groups);
    excludedGroups = List.copyOf(excludedGroups);
    flags = List.copyOf(flags);
  }

  /**
   * A gap with its flags derived from what went into it.
   *
   * @param fewerThanTwo whether fewer than two groups qualified (for some component)
   */
  static Gap of(double value, String metric, List<String> groups, ConfidenceInterval ci, List<String> excluded,
      boolean fewerThanTwo) {
    List<String> flags = new java.util.ArrayList<>();
    if (!excluded.isEmpty()) {
      flags.add(FLAG_GROUPS_EXCLUDED);
    }
    if (fewerThanTwo) {
      flags.add(FLAG_FEWER_THAN_TWO_GROUPS);
    } else if (Double.isNaN(value)) {
      flags.add(FLAG_UNDEFINED);
    }
    addCiFlags(flags, ci);
    return new Gap(value, metric, groups, ci, excluded, flags);
  }

  /** Adds {@link #FLAG_CI_UNDEFINED} or {@link #FLAG_CI_PARTIAL} as the interval calls for. */
  static void addCiFlags(List<String> flags, ConfidenceInterval ci) {
    if (ci == null) {
      return;
    }
    if (!ci.defined()) {
      flags.add(FLAG_CI_UNDEFINED);
    } else if (ci.undefinedResamples() > 0) {
      flags.add(FLAG_CI_PARTIAL);
    }
  }

  /** Whether the gap has a value. */
  public boolean defined() {
    return !Double.isNaN(value);
  }
}
