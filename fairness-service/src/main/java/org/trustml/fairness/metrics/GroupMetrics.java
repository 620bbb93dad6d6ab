package org.trustml.fairness.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The metrics of one group (or of all rows). Counts are always reported. Rates are reported only when the group
 * has at least the minimum support and the rate's denominator is non-zero; otherwise the rate is {@code NaN}, the
 * group carries a flag and {@code undefined} says, per metric, why. A group below support contributes to no gap.
 *
 * <p>{@code meanScore} and {@code auc} are {@code NaN} when no scores were given.
 *
 * @param group     the group's label ("B", "race=Black, sex=Female", "non-protected", "all")
 * @param attributes the attribute values that define the group (empty for all rows)
 * @param supported whether n ≥ the minimum support
 * @param flags     {@code empty}, {@code insufficient-support}, {@code undefined-rate}
 * @param undefined metric id → reason, for every undefined metric
 */
public record GroupMetrics(
    String group,
    Map<String, String> attributes,
    long n,
    long tp,
    long fp,
    long tn,
    long fn,
    double selectionRate,
    double tpr,
    double fpr,
    double tnr,
    double precision,
    double accuracy,
    double balancedAccuracy,
    double meanScore,
    double auc,
    boolean supported,
    List<String> flags,
    Map<String, String> undefined) {

  public static final String FLAG_EMPTY = "empty";
  public static final String FLAG_INSUFFICIENT_SUPPORT = "insufficient-support";
  public static final String FLAG_UNDEFINED_RATE = "undefined-rate";

  public GroupMetrics {
    // keeps the attributes' order, which Map.copyOf would not
    attributes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    flags = List.copyOf(flags);
    undefined = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(undefined));
  }

  static GroupMetrics of(String group, Map<String, String> attributes, ConfusionCounts c, int minSupport,
      ScoreStats.Summary scores) {
    List<String> flags = new ArrayList<>();
    Map<String, String> undefined = new LinkedHashMap<>();
    boolean supported = c.n() >= minSupport && c.n() > 0;
    if (c.n() == 0) {
      flags.add(FLAG_EMPTY);
    }
    if (!supported) {
      flags.add(FLAG_INSUFFICIENT_SUPPORT);
    }
    double[] v = new double[Metric.values().length];
    for (Metric m : Metric.values()) {
      String reason = supported ? m.undefinedReason(c) : "n = " + c.n() + " is below the minimum support " + minSupport;
      if (reason != null) {
        undefined.put(m.id(), reason);
        v[m.ordinal()] = Double.NaN;
      } else {
        v[m.ordinal()] = m.value(c);
      }
    }
    double meanScore = Double.NaN;
    double auc = Double.NaN;
    if (scores != null) {
      if (supported) {
        meanScore = scores.mean();
        auc = scores.auc();
        if (Double.isNaN(auc)) {
          undefined.put("auc", "needs both classes");
        }
      } else {
        undefined.put("auc", undefined.get(Metric.ACCURACY.id()));
        undefined.put("mean_score", undefined.get(Metric.ACCURACY.id()));
      }
    }
    if (supported && !undefined.isEmpty()) {
      flags.add(FLAG_UNDEFINED_RATE);
    }
    return new GroupMetrics(group, attributes, c.n(), c.tp(), c.fp(), c.tn(), c.fn(),
        v[Metric.SELECTION_RATE.ordinal()], v[Metric.TPR.ordinal()], v[Metric.FPR.ordinal()],
        v[Metric.TNR.ordinal()], v[Metric.PRECISION.ordinal()], v[Metric.ACCURACY.ordinal()],
        v[Metric.BALANCED_ACCURACY.ordinal()], meanScore, auc, supported, flags, undefined);
  }

  /** The value of a metric ({@code NaN} when undefined or below support). */
  public double value(Metric m) {
    return switch (m) {
      case SELECTION_RATE -> selectionRate;
      case TPR -> tpr;
      case FPR -> fpr;
      case TNR -> tnr;
      case PRECISION -> precision;
      case ACCURACY -> accuracy;
      case BALANCED_ACCURACY -> balancedAccuracy;
    };
  }

  /** The confusion counts. */
  public ConfusionCounts confusion() {
    return new ConfusionCounts(tp, fp, tn, fn);
  }
}
