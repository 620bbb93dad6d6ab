package org.trustml.fairness.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The metrics of every group of one grouping and of all rows, like Fairlearn's {@code MetricFrame} (by_group and
 * overall), with the minimum support applied.
 *
 * @param grouping   the grouping's name (an attribute, or "race x sex")
 * @param attributes the attributes it is defined on
 * @param minSupport groups with fewer rows have no rates and no gap contribution
 * @param overall    all rows (label "all")
 * @param groups     one entry per group, in group order
 */
public record MetricFrame(String grouping, List<String> attributes, int minSupport, GroupMetrics overall,
    List<GroupMetrics> groups) {

  public MetricFrame {
    attributes = List.copyOf(attributes);
    groups = List.copyOf(groups);
  }

  /** The frame of {@code grouping} over all rows. */
  public static MetricFrame of(Grouping grouping, Predictions p, int minSupport) {
    return of(grouping, CountTable.count(grouping, p.outcomes(), null, null), minSupport,
        ScoreStats.byGroup(grouping, p), ScoreStats.overall(p));
  }

  static MetricFrame of(Grouping grouping, CountTable t, int minSupport, ScoreStats.Summary[] scores,
      ScoreStats.Summary overallScores) {
    List<GroupMetrics> groups = new ArrayList<>();
    for (int g = 0; g < grouping.groupCount(); g++) {
      groups.add(GroupMetrics.of(grouping.label(g), grouping.definition(g), t.group(g), minSupport,
          scores == null ? null : scores[g]));
    }
    GroupMetrics overall = GroupMetrics.of("all", Map.of(), t.overall(), minSupport, overallScores);
    return new MetricFrame(grouping.name(), grouping.attributes(), minSupport, overall, groups);
  }

  /** A group by its label. */
  public GroupMetrics group(String label) {
    for (GroupMetrics g : groups) {
      if (g.group().equals(label)) {
        return g;
      }
    }
    throw new IllegalArgumentException("no group '" + label + "' in " + grouping);
  }
}
