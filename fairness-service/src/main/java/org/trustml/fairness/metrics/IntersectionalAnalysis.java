package org.trustml.fairness.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Computes the {@link IntersectionalView}: one grouping of the product cells, one bootstrap pass for the gaps, ε
 * and the rich-subgroup maxima together.
 */
final class IntersectionalAnalysis {

  /** The metrics of the excess and rich-subgroup measurements. */
  static final List<Metric> METRICS = List.of(Metric.SELECTION_RATE, Metric.TPR, Metric.FPR, Metric.ACCURACY);

  /** Extra bootstrap columns: ε, ε for ŷ = 1, then one rich-subgroup value per metric. */
  private static final int EPSILON = 0;
  private static final int EPSILON_POSITIVE = 1;
  private static final int RICH = 2;

  /** ε is infinite: without smoothing, some cell never (or always) gets the positive outcome. */
  static final String FLAG_UNBOUNDED = "unbounded";

  private IntersectionalAnalysis() {}

  /**
   * @param marginalFrames attribute → its marginal frame (the excess needs the marginal metrics)
   */
  static IntersectionalView of(Predictions p, ProtectedAttributes a, List<String> columns,
      Map<String, MetricFrame> marginalFrames, MetricsOptions options) {
    Grouping cells = Grouping.intersection(a, columns, options.maxListedCells());
    double alpha = options.dirichletAlpha();
    Bootstrap bootstrap = options.bootstrap();
    DisparityAnalysis analysis = DisparityAnalysis.of(cells, p, options.minSupport(), bootstrap,
        (evaluator, t) -> extras(evaluator, t, alpha));
    MetricFrame frame = analysis.frame;
    GapEvaluator evaluator = analysis.evaluator;
    int base = DisparityAnalysis.GAP_COLUMNS;

    // ε-differential fairness over the cells with support (smoothing makes every such cell defined)
    int[] supported = evaluator.qualifying(Metric.SELECTION_RATE);
    Epsilon eps = epsilon(supported, analysis.observed, alpha);
    List<String> dfFlags = new ArrayList<>();
    List<String> excludedCells = excluded(frame, supported);
    if (!excludedCells.isEmpty()) {
      dfFlags.add(Gap.FLAG_GROUPS_EXCLUDED);
    }
    if (supported.length < 2) {
      dfFlags.add(Gap.FLAG_FEWER_THAN_TWO_GROUPS);
    }
    ConfidenceInterval epsCi = bootstrap.interval(analysis.replicates, base + EPSILON);
    ConfidenceInterval epsPosCi = bootstrap.interval(analysis.replicates, base + EPSILON_POSITIVE);
    if (Double.isInfinite(eps.epsilon)) {
      dfFlags.add(FLAG_UNBOUNDED); // α = 0 and a cell where one outcome never occurs
    }
    Gap.addCiFlags(dfFlags, epsCi);
    List<String> dfGroups = eps.high < 0 ? List.of()
        : List.of(cells.label(supported[eps.high]), cells.label(supported[eps.low]));
    DifferentialFairness df = new DifferentialFairness(alpha, eps.epsilon, eps.epsilonPositive,
        eps.high < 0 ? null : eps.outcome, dfGroups, epsCi, epsPosCi, excludedCells, dfFlags);

    List<RichSubgroupGap> rich = new ArrayList<>();
    for (int i = 0; i < METRICS.size(); i++) {
      Metric m = METRICS.get(i);
      int[] qualifying = evaluator.qualifying(m);
      Rich r = rich(m, qualifying, evaluator, analysis.observed);
      ConfidenceInterval ci = bootstrap.interval(analysis.replicates, base + RICH + i);
      List<String> flags = new ArrayList<>();
      List<String> excluded = excluded(frame, qualifying);
      if (!excluded.isEmpty()) {
        flags.add(Gap.FLAG_GROUPS_EXCLUDED);
      }
      if (Double.isNaN(r.value)) {
        flags.add(Gap.FLAG_UNDEFINED);
      }
      Gap.addCiFlags(flags, ci);
      rich.add(new RichSubgroupGap(m.id(), r.value, r.cell < 0 ? null : cells.label(qualifying[r.cell]), r.weight,
          r.deviation, ci, excluded, flags));
    }

    long nonEmpty = frame.groups().stream().filter(g -> g.n() > 0).count();
    int belowSupport = (int) frame.groups().stream().filter(g -> g.n() > 0 && !g.supported()).count();
    long empty = cells.productSize() == Long.MAX_VALUE ? Long.MAX_VALUE : cells.productSize() - nonEmpty;
    return new IntersectionalView(columns, cells.productSize(), empty, belowSupport, frame, analysis.gaps,
        excess(frame, columns, marginalFrames), df, rich);
  }

  private static List<String> excluded(MetricFrame frame, int[] qualifying) {
    boolean[] in = new boolean[frame.groups().size()];
    for (int g : qualifying) {
      in[g] = true;
    }
    List<String> out = new ArrayList<>();
    for (int g = 0; g < in.length; g++) {
      if (!in[g]) {
        out.add(frame.groups().get(g).group());
      }
    }
    return out;
  }

  private static double[] extras(GapEvaluator evaluator, CountTable t, double alpha) {
    double[] v = new double[RICH + METRICS.size()];
    Epsilon e = epsilon(evaluator.qualifying(Metric.SELECTION_RATE), t, alpha);
    v[EPSILON] = e.epsilon;
    v[EPSILON_POSITIVE] = e.epsilonPositive;
    for (int i = 0; i < METRICS.size(); i++) {
      Metric m = METRICS.get(i);
      v[RICH + i] = rich(m, evaluator.qualifying(m), evaluator, t).value;
    }
    return v;
  }

  /** ε and the (indices into {@code cells} of the) cells attaining it. */
  private record Epsilon(double epsilon, double epsilonPositive, String outcome, int high, int low) {}

  static Epsilon epsilon(int[] cells, CountTable t, double alpha) {
    if (cells.length < 2) {
      return new Epsilon(Double.NaN, Double.NaN, null, -1, -1);
    }
    // log P(ŷ = 1 | g) and log P(ŷ = 0 | g), smoothed
    int hi1 = 0;
    int lo1 = 0;
    int hi0 = 0;
    int lo0 = 0;
    double[] log1 = new double[cells.length];
    double[] log0 = new double[cells.length];
    for (int i = 0; i < cells.length; i++) {
      ConfusionCounts c = t.group(cells[i]);
      double denominator = c.n() + 2 * alpha;
      log1[i] = Math.log((c.predictedPositives() + alpha) / denominator);
      log0[i] = Math.log((c.n() - c.predictedPositives() + alpha) / denominator);
      if (Double.isNaN(log1[i]) || Double.isNaN(log0[i])) {
        return new Epsilon(Double.NaN, Double.NaN, null, -1, -1); // α = 0 and a cell lost all rows
      }
      hi1 = log1[i] > log1[hi1] ? i : hi1;
      lo1 = log1[i] < log1[lo1] ? i : lo1;
      hi0 = log0[i] > log0[hi0] ? i : hi0;
      lo0 = log0[i] < log0[lo0] ? i : lo0;
    }
    double e1 = log1[hi1] - log1[lo1];
    double e0 = log0[hi0] - log0[lo0];
    if (Double.isNaN(e1)) { // −inf − (−inf) when α = 0 and two cells select nobody: they do not differ
      e1 = 0;
    }
    if (Double.isNaN(e0)) {
      e0 = 0;
    }
    return e1 >= e0 ? new Epsilon(e1, e1, "1", hi1, lo1) : new Epsilon(e0, e1, "0", hi0, lo0);
  }

  private record Rich(double value, int cell, double weight, double deviation) {}

  private static Rich rich(Metric m, int[] cells, GapEvaluator evaluator, CountTable t) {
    double mean = evaluator.overall(m, t);
    long n = t.overall().n();
    if (cells.length == 0 || Double.isNaN(mean) || n == 0) {
      return new Rich(Double.NaN, -1, Double.NaN, Double.NaN);
    }
    Rich best = null;
    for (int i = 0; i < cells.length; i++) {
      ConfusionCounts c = t.group(cells[i]);
      double weight = (double) m.denominator(c) / n;
      // a cell that lost its whole denominator in a resample has no mass there: it contributes 0, not NaN
      double deviation = weight == 0 ? 0 : Math.abs(m.value(c) - mean);
      double value = weight * deviation;
      if (best == null || value > best.value) {
        best = new Rich(value, i, weight, deviation);
      }
    }
    return best;
  }

  private static List<IntersectionalExcess> excess(MetricFrame cells, List<String> columns,
      Map<String, MetricFrame> marginals) {
    List<IntersectionalExcess> out = new ArrayList<>();
    if (columns.size() < 2) {
      return out;
    }
    for (Metric m : METRICS) {
      double mean = cells.overall().value(m);
      for (GroupMetrics cell : cells.groups()) {
        double observed = cell.value(m);
        if (!cell.supported() || Double.isNaN(observed)) {
          continue; // the cell is reported in the frame with its flag; an excess of it would mean nothing
        }
        double expected = mean;
        for (String column : columns) {
          expected += marginals.get(column).group(cell.attributes().get(column)).value(m) - mean;
        }
        out.add(new IntersectionalExcess(m.id(), cell.group(), cell.attributes(), observed, expected,
            observed - expected));
      }
    }
    return out;
  }
}
