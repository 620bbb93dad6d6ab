package org.trustml.fairness.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The frame and every criterion's four gaps (with intervals) for one grouping, from one bootstrap pass. The
 * replicates are kept so that views built on top (additive max and sum, intersectional extras) get intervals from
 * the same resamples.
 */
final class DisparityAnalysis {

  private static final Criterion[] CRITERIA = Criterion.values();
  private static final GapMethod[] METHODS = GapMethod.values();
  static final int GAP_COLUMNS = CRITERIA.length * METHODS.length;

  final Grouping grouping;
  final MetricFrame frame;
  final CountTable observed;
  final GapEvaluator evaluator;
  final List<CriterionGaps> gaps;
  /** [B][GAP_COLUMNS + extra columns]; empty when the bootstrap is off. */
  final double[][] replicates;

  private DisparityAnalysis(Grouping grouping, MetricFrame frame, CountTable observed, GapEvaluator evaluator,
      List<CriterionGaps> gaps, double[][] replicates) {
    this.grouping = grouping;
    this.frame = frame;
    this.observed = observed;
    this.evaluator = evaluator;
    this.gaps = gaps;
    this.replicates = replicates;
  }

  static DisparityAnalysis of(Grouping grouping, Predictions p, int minSupport, Bootstrap bootstrap) {
    return of(grouping, p, minSupport, bootstrap, null);
  }

  /**
   * @param extra further statistics of a resample's counts, appended after the gap columns (may be null); the
   *              evaluator passed to it is this analysis's
   */
  static DisparityAnalysis of(Grouping grouping, Predictions p, int minSupport, Bootstrap bootstrap,
      java.util.function.BiFunction<GapEvaluator, CountTable, double[]> extra) {
    CountTable observed = CountTable.count(grouping, p.outcomes(), null, null);
    MetricFrame frame = MetricFrame.of(grouping, observed, minSupport, ScoreStats.byGroup(grouping, p),
        ScoreStats.overall(p));
    GapEvaluator evaluator = new GapEvaluator(grouping, frame);
    Function<int[], double[]> statistic = weights -> {
      CountTable t = CountTable.count(grouping, p.outcomes(), weights, null);
      double[] gaps = gapVector(evaluator, t);
      if (extra == null) {
        return gaps;
      }
      double[] more = extra.apply(evaluator, t);
      double[] all = java.util.Arrays.copyOf(gaps, gaps.length + more.length);
      System.arraycopy(more, 0, all, gaps.length, more.length);
      return all;
    };
    double[][] replicates = bootstrap.enabled() ? bootstrap.replicate(p.size(), statistic) : new double[0][];
    List<CriterionGaps> gaps = new ArrayList<>();
    for (Criterion c : CRITERIA) {
      Gap[] byMethod = new Gap[METHODS.length];
      for (GapMethod m : METHODS) {
        ConfidenceInterval ci = bootstrap.interval(replicates, column(c, m));
        byMethod[m.ordinal()] = evaluator.gap(c, m, observed, ci);
      }
      gaps.add(new CriterionGaps(c.id(), byMethod[0], byMethod[1], byMethod[2], byMethod[3]));
    }
    return new DisparityAnalysis(grouping, frame, observed, evaluator, List.copyOf(gaps), replicates);
  }

  static int column(Criterion c, GapMethod m) {
    return c.ordinal() * METHODS.length + m.ordinal();
  }

  private static double[] gapVector(GapEvaluator evaluator, CountTable t) {
    double[] v = new double[GAP_COLUMNS];
    for (Criterion c : CRITERIA) {
      for (GapMethod m : METHODS) {
        v[column(c, m)] = evaluator.value(c, m, t);
      }
    }
    return v;
  }

  /** The observed gap. */
  Gap gap(Criterion c, GapMethod m) {
    return gaps.get(c.ordinal()).get(m);
  }

  /** The replicates of one column (empty when the bootstrap is off). */
  double[] replicateColumn(int column) {
    double[] v = new double[replicates.length];
    for (int b = 0; b < replicates.length; b++) {
      v[b] = replicates[b][column];
    }
    return v;
  }
}
