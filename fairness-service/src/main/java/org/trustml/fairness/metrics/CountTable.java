package org.trustml.fairness.metrics;

/**
 * Confusion counts per group and overall, from outcome codes, optionally weighted by bootstrap multiplicities
 * and restricted to a subset of rows (the rows that reached a pipeline stage). One pass over the rows; this is the
 * only per-row work a bootstrap resample does.
 */
final class CountTable {

  private final long[][] byGroup;
  private final long[] overall;

  private CountTable(long[][] byGroup, long[] overall) {
    this.byGroup = byGroup;
    this.overall = overall;
  }

  /**
   * @param weights how often each row is drawn ({@code null}: once)
   * @param mask    the rows that count ({@code null}: all)
   */
  static CountTable count(Grouping grouping, int[] outcomes, int[] weights, boolean[] mask) {
    int[] groupOf = grouping.groupOf();
    long[][] byGroup = new long[grouping.groupCount()][4];
    long[] overall = new long[4];
    for (int i = 0; i < outcomes.length; i++) {
      if (mask != null && !mask[i]) {
        continue;
      }
      int w = weights == null ? 1 : weights[i];
      if (w == 0) {
        continue;
      }
      byGroup[groupOf[i]][outcomes[i]] += w;
      overall[outcomes[i]] += w;
    }
    return new CountTable(byGroup, overall);
  }

  ConfusionCounts group(int g) {
    return ConfusionCounts.of(byGroup[g]);
  }

  ConfusionCounts overall() {
    return ConfusionCounts.of(overall);
  }

  int groupCount() {
    return byGroup.length;
  }
}
