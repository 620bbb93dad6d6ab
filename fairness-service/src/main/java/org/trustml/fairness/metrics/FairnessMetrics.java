package org.trustml.fairness.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The entry point: group-fairness metrics of a binary classifier over one or several protected attributes, in the
 * marginal, additive, intersectional and sequential views of the design note (§2, §7, §9), with minimum support,
 * bootstrap intervals and explicit flags where a number would mean nothing. Thread-safe and stateless apart from
 * its options.
 */
public final class FairnessMetrics {

  private final MetricsOptions options;

  public FairnessMetrics(MetricsOptions options) {
    this.options = options == null ? MetricsOptions.defaults() : options;
  }

  public MetricsOptions options() {
    return options;
  }

  /** Every view at once. */
  public FairnessReport evaluate(Predictions p, ProtectedAttributes a) {
    a.requireRows(p.size());
    for (String column : options.nonProtected().keySet()) {
      a.require("nonProtected", column);
    }
    Bootstrap bootstrap = options.bootstrap();
    List<DisparityAnalysis> analyses = new ArrayList<>();
    List<MarginalView> marginal = new ArrayList<>();
    Map<String, MetricFrame> frames = new LinkedHashMap<>();
    for (String column : a.names()) {
      DisparityAnalysis d = DisparityAnalysis.of(Grouping.byAttribute(a, column), p, options.minSupport(), bootstrap);
      analyses.add(d);
      marginal.add(new MarginalView(column, d.frame, d.gaps));
      frames.put(column, d.frame);
    }
    AdditiveView additive = AdditiveAnalysis.of(analyses, bootstrap);
    IntersectionalView intersectional = IntersectionalAnalysis.of(p, a, a.names(), frames, options);
    Mmm mmm = MmmAnalysis.of(p, a, options);
    GroupMetrics overall = analyses.get(0).frame.overall();
    return new FairnessReport(p.size(), options.minSupport(), options.bootstrapResamples(),
        options.confidenceLevel(), options.seed(), overall, marginal, additive, intersectional, mmm);
  }

  /** One attribute's groups and gaps. */
  public MarginalView marginal(Predictions p, ProtectedAttributes a, String column) {
    a.requireRows(p.size());
    a.require("protected", column);
    DisparityAnalysis d = DisparityAnalysis.of(Grouping.byAttribute(a, column), p, options.minSupport(),
        options.bootstrap());
    return new MarginalView(column, d.frame, d.gaps);
  }

  /** The cells of the product of {@code columns} (every attribute when {@code null}). */
  public IntersectionalView intersectional(Predictions p, ProtectedAttributes a, List<String> columns) {
    a.requireRows(p.size());
    List<String> cols = columns == null ? a.names() : List.copyOf(columns);
    if (new java.util.HashSet<>(cols).size() != cols.size()) {
      throw InputProblems.invalidOption("columns", "must not name an attribute twice: " + cols);
    }
    Map<String, MetricFrame> frames = new LinkedHashMap<>();
    for (String column : cols) {
      a.require("protected", column);
      frames.put(column, MetricFrame.of(Grouping.byAttribute(a, column), p, options.minSupport()));
    }
    return IntersectionalAnalysis.of(p, a, cols, frames, options);
  }

  /** Multi-max mistreatment (see {@link Mmm} for the convention). */
  public Mmm mmm(Predictions p, ProtectedAttributes a) {
    a.requireRows(p.size());
    return MmmAnalysis.of(p, a, options);
  }

  /**
   * A sequential pipeline's stages, each evaluated only on the rows that passed the earlier ones.
   *
   * @param stages     the stages' 0/1 decisions, in pipeline order
   * @param stageNames their names, or {@code null}
   * @param metric     the per-stage metric (usually {@link Metric#SELECTION_RATE}, the stage's pass rate)
   */
  public SequentialView sequential(int[] yTrue, List<int[]> stages, List<String> stageNames, ProtectedAttributes a,
      Metric metric) {
    return SequentialAnalysis.of(yTrue, stages, stageNames, a, metric == null ? Metric.SELECTION_RATE : metric,
        options);
  }
}
