package org.trustml.fairness.metrics;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Computes gaps over the groups of one frame. Which groups qualify for a metric is decided once, on the observed
 * data (support ≥ minimum and the metric defined); every bootstrap resample then compares the same groups, so the
 * interval describes the same quantity as the point estimate.
 */
final class GapEvaluator {

  /** The groups that qualify for one metric. */
  private record Qualified(int[] groups, List<String> excluded, boolean overallSupported) {}

  private final Grouping grouping;
  private final Map<Metric, Qualified> qualified = new EnumMap<>(Metric.class);

  GapEvaluator(Grouping grouping, MetricFrame frame) {
    this.grouping = grouping;
    for (Metric m : Metric.values()) {
      List<Integer> in = new ArrayList<>();
      List<String> out = new ArrayList<>();
      for (int g = 0; g < frame.groups().size(); g++) {
        GroupMetrics gm = frame.groups().get(g);
        if (gm.supported() && !Double.isNaN(gm.value(m))) {
          in.add(g);
        } else {
          out.add(gm.group());
        }
      }
      qualified.put(m, new Qualified(in.stream().mapToInt(Integer::intValue).toArray(), List.copyOf(out),
          frame.overall().supported()));
    }
  }

  /** Groups (indices) that qualify for {@code m}. */
  int[] qualifying(Metric m) {
    return qualified.get(m).groups();
  }

  /** The metric of each qualifying group in {@code t}. */
  double[] values(Metric m, CountTable t) {
    int[] groups = qualifying(m);
    double[] v = new double[groups.length];
    for (int i = 0; i < groups.length; i++) {
      v[i] = m.value(t.group(groups[i]));
    }
    return v;
  }

  /** The metric over all rows of {@code t}; NaN when all rows together are below support. */
  double overall(Metric m, CountTable t) {
    return qualified.get(m).overallSupported() ? m.value(t.overall()) : Double.NaN;
  }

  GapMath.Result result(Metric m, GapMethod method, CountTable t) {
    return GapMath.apply(method, values(m, t), overall(m, t));
  }

  /** The criterion's gap in {@code t} (a resample, or the observed counts). */
  double value(Criterion c, GapMethod method, CountTable t) {
    List<Metric> metrics = c.metrics();
    double[] components = new double[metrics.size()];
    for (int i = 0; i < components.length; i++) {
      components[i] = result(metrics.get(i), method, t).value();
    }
    return c.combine(components, method);
  }

  /** The observed gap of one metric, with its groups, interval and flags. */
  Gap gap(Metric m, GapMethod method, CountTable observed, ConfidenceInterval ci) {
    GapMath.Result r = result(m, method, observed);
    return Gap.of(r.value(), m.id(), groupsOf(m, r), ci, qualified.get(m).excluded(), qualifying(m).length < 2);
  }

  /** The observed gap of a criterion, with its groups, interval and flags. */
  Gap gap(Criterion c, GapMethod method, CountTable observed, ConfidenceInterval ci) {
    List<Metric> metrics = c.metrics();
    if (metrics.size() == 1) {
      return gap(metrics.get(0), method, observed, ci);
    }
    Set<String> excluded = new LinkedHashSet<>();
    boolean fewer = false;
    int dominant = 0;
    GapMath.Result[] results = new GapMath.Result[metrics.size()];
    for (int i = 0; i < metrics.size(); i++) {
      Metric m = metrics.get(i);
      results[i] = result(m, method, observed);
      excluded.addAll(qualified.get(m).excluded());
      fewer |= qualifying(m).length < 2;
      double v = results[i].value();
      double best = results[dominant].value();
      if (method.isRatio() ? v < best : v > best) {
        dominant = i;
      }
    }
    double value = value(c, method, observed);
    String metric;
    List<String> groups;
    if (c.isMean()) {
      metric = String.join("+", metrics.stream().map(Metric::id).toList());
      groups = List.of();
    } else {
      metric = metrics.get(dominant).id();
      groups = groupsOf(metrics.get(dominant), results[dominant]);
    }
    return Gap.of(value, metric, groups, ci, List.copyOf(excluded), fewer);
  }

  private List<String> groupsOf(Metric m, GapMath.Result r) {
    int[] groups = qualifying(m);
    List<String> labels = new ArrayList<>();
    if (r.first() >= 0) {
      labels.add(grouping.label(groups[r.first()]));
    }
    if (r.second() >= 0) {
      labels.add(grouping.label(groups[r.second()]));
    }
    return labels;
  }
}
