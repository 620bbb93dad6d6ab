package org.trustml.fairness.metrics;

import java.util.List;

/**
 * A group-fairness criterion: the metric(s) whose gaps it compares, and, for equalized odds, how the TPR and FPR
 * gaps combine (Fairlearn's {@code agg}: "worst_case" takes the larger difference or the smaller ratio, "mean" the
 * average of the two).
 */
public enum Criterion {

  DEMOGRAPHIC_PARITY("demographic_parity", false, Metric.SELECTION_RATE),
  EQUAL_OPPORTUNITY("equal_opportunity", false, Metric.TPR),
  FPR_PARITY("fpr_parity", false, Metric.FPR),
  EQUALIZED_ODDS_WORST_CASE("equalized_odds_worst_case", false, Metric.TPR, Metric.FPR),
  EQUALIZED_ODDS_MEAN("equalized_odds_mean", true, Metric.TPR, Metric.FPR),
  ACCURACY_PARITY("accuracy_parity", false, Metric.ACCURACY);

  private final String id;
  private final boolean mean;
  private final List<Metric> metrics;

  Criterion(String id, boolean mean, Metric... metrics) {
    this.id = id;
    this.mean = mean;
    this.metrics = List.of(metrics);
  }

  public String id() {
    return id;
  }

  /** The metrics compared (one, or TPR and FPR for equalized odds). */
  public List<Metric> metrics() {
    return metrics;
  }

  /** Whether the components are averaged ("mean") rather than the worst one taken ("worst_case"). */
  public boolean isMean() {
    return mean;
  }

  /**
   * Combines the component gaps: one component is itself; otherwise the mean, or the worst case (largest
   * difference, smallest ratio). An undefined component makes the combination undefined.
   */
  double combine(double[] components, GapMethod method) {
    double out = components[0];
    for (int i = 1; i < components.length; i++) {
      double c = components[i];
      if (Double.isNaN(c) || Double.isNaN(out)) {
        return Double.NaN;
      }
      out = mean ? out + c : method.isRatio() ? Math.min(out, c) : Math.max(out, c);
    }
    return mean ? out / components.length : out;
  }
}
