package org.trustml.fairness.metrics;

/**
 * The four gaps of one criterion over the groups of one grouping, named as Fairlearn's
 * {@code difference(method=…)} and {@code ratio(method=…)}.
 */
public record CriterionGaps(String criterion, Gap differenceBetweenGroups, Gap differenceToOverall,
    Gap ratioBetweenGroups, Gap ratioToOverall) {

  public Gap get(GapMethod method) {
    return switch (method) {
      case DIFFERENCE_BETWEEN_GROUPS -> differenceBetweenGroups;
      case DIFFERENCE_TO_OVERALL -> differenceToOverall;
      case RATIO_BETWEEN_GROUPS -> ratioBetweenGroups;
      case RATIO_TO_OVERALL -> ratioToOverall;
    };
  }
}
