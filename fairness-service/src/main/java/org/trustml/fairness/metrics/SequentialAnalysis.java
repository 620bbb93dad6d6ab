package org.trustml.fairness.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Computes the {@link SequentialView}: every stage's gaps and the pass-through, from one bootstrap pass. */
final class SequentialAnalysis {

  private SequentialAnalysis() {}

  /**
   * @param yTrue      the labels (the metric may need them: TPR at a stage)
   * @param stages     the stages' decisions in pipeline order, one 0/1 per row; a row's decision at a stage it
   *                   never reached is ignored
   * @param stageNames names of the stages, or {@code null} for "stage1", "stage2", …
   */
  static SequentialView of(int[] yTrue, List<int[]> stages, List<String> stageNames, ProtectedAttributes a,
      Metric metric, MetricsOptions options) {
    if (yTrue == null || yTrue.length == 0) {
      throw InputProblems.emptyInput("yTrue", "yTrue");
    }
    Predictions.requireBinary("yTrue", "yTrue", yTrue);
    int n = yTrue.length;
    if (stages == null || stages.isEmpty()) {
      throw InputProblems.emptyInput("stages", "stages");
    }
    if (stageNames != null && stageNames.size() != stages.size()) {
      throw InputProblems.lengthMismatch("stageNames", "stageNames", stageNames.size(), stages.size());
    }
    a.requireRows(n);
    int count = stages.size();
    List<String> names = new ArrayList<>();
    for (int s = 0; s < count; s++) {
      String name = stageNames == null ? "stage" + (s + 1) : stageNames.get(s);
      names.add(name);
      int[] decisions = stages.get(s);
      if (decisions == null || decisions.length == 0) {
        throw InputProblems.emptyInput("stages", name);
      }
      if (decisions.length != n) {
        throw InputProblems.lengthMismatch("stages", name, decisions.length, n);
      }
      Predictions.requireBinary("stages", name, decisions);
    }

    // reached[s]: the rows that passed stages 0…s−1; outcomes[s]: 2·y + decision at stage s
    boolean[][] reached = new boolean[count + 1][n];
    int[][] outcomes = new int[count + 1][n];
    java.util.Arrays.fill(reached[0], true);
    for (int s = 0; s < count; s++) {
      int[] decisions = stages.get(s);
      for (int i = 0; i < n; i++) {
        reached[s + 1][i] = reached[s][i] && decisions[i] == 1;
        outcomes[s][i] = 2 * yTrue[i] + decisions[i];
      }
    }
    for (int i = 0; i < n; i++) { // "decision" of the whole pipeline: passed every stage
      outcomes[count][i] = 2 * yTrue[i] + (reached[count][i] ? 1 : 0);
    }

    List<String> attributes = a.names();
    int k = attributes.size();
    Grouping[] groupings = new Grouping[k];
    for (int j = 0; j < k; j++) {
      groupings[j] = Grouping.byAttribute(a, attributes.get(j));
    }
    int minSupport = options.minSupport();
    // evaluators fixed on the observed data, reused by every resample
    GapEvaluator[][] stageEvaluators = new GapEvaluator[count][k];
    MetricFrame[][] stageFrames = new MetricFrame[count][k];
    GapEvaluator[] endEvaluators = new GapEvaluator[k];
    MetricFrame[] endFrames = new MetricFrame[k];
    for (int j = 0; j < k; j++) {
      for (int s = 0; s < count; s++) {
        CountTable t = CountTable.count(groupings[j], outcomes[s], null, reached[s]);
        stageFrames[s][j] = MetricFrame.of(groupings[j], t, minSupport, null, null);
        stageEvaluators[s][j] = new GapEvaluator(groupings[j], stageFrames[s][j]);
      }
      CountTable t = CountTable.count(groupings[j], outcomes[count], null, null);
      endFrames[j] = MetricFrame.of(groupings[j], t, minSupport, null, null);
      endEvaluators[j] = new GapEvaluator(groupings[j], endFrames[j]);
    }

    Bootstrap bootstrap = options.bootstrap();
    int endBase = count * k;
    double[][] replicates = bootstrap.enabled() ? bootstrap.replicate(n, weights -> {
      double[] v = new double[endBase + 2 * k];
      for (int j = 0; j < k; j++) {
        for (int s = 0; s < count; s++) {
          CountTable t = CountTable.count(groupings[j], outcomes[s], weights, reached[s]);
          v[s * k + j] = stageEvaluators[s][j].result(metric, GapMethod.DIFFERENCE_BETWEEN_GROUPS, t).value();
        }
        CountTable t = CountTable.count(groupings[j], outcomes[count], weights, null);
        v[endBase + 2 * j] =
            endEvaluators[j].result(Metric.SELECTION_RATE, GapMethod.DIFFERENCE_BETWEEN_GROUPS, t).value();
        v[endBase + 2 * j + 1] =
            endEvaluators[j].result(Metric.SELECTION_RATE, GapMethod.RATIO_BETWEEN_GROUPS, t).value();
      }
      return v;
    }) : new double[0][];

    List<StageView> stageViews = new ArrayList<>();
    for (int s = 0; s < count; s++) {
      List<StageGap> gaps = new ArrayList<>();
      String driving = null;
      double max = Double.NaN;
      for (int j = 0; j < k; j++) {
        MetricFrame frame = stageFrames[s][j];
        CountTable t = CountTable.count(groupings[j], outcomes[s], null, reached[s]);
        Gap gap = stageEvaluators[s][j].gap(metric, GapMethod.DIFFERENCE_BETWEEN_GROUPS, t,
            bootstrap.interval(replicates, s * k + j));
        Map<String, Double> byGroup = new LinkedHashMap<>();
        Map<String, Long> reachedByGroup = new LinkedHashMap<>();
        for (GroupMetrics g : frame.groups()) {
          byGroup.put(g.group(), g.value(metric));
          reachedByGroup.put(g.group(), g.n());
        }
        gaps.add(new StageGap(attributes.get(j), byGroup, reachedByGroup, gap));
        if (gap.defined() && (Double.isNaN(max) || gap.value() > max)) {
          max = gap.value();
          driving = attributes.get(j);
        }
      }
      GroupMetrics all = stageFrames[s][0].overall();
      List<String> flags = all.n() == 0 ? List.of(StageView.FLAG_NO_ROWS_REACHED) : List.of();
      stageViews.add(new StageView(s + 1, names.get(s), all.n(), all.tp() + all.fp(), gaps, driving, max, flags));
    }

    List<PassThrough> passThrough = new ArrayList<>();
    String endDriving = null;
    double endMax = Double.NaN;
    for (int j = 0; j < k; j++) {
      CountTable t = CountTable.count(groupings[j], outcomes[count], null, null);
      Gap difference = endEvaluators[j].gap(Metric.SELECTION_RATE, GapMethod.DIFFERENCE_BETWEEN_GROUPS, t,
          bootstrap.interval(replicates, endBase + 2 * j));
      Gap ratio = endEvaluators[j].gap(Metric.SELECTION_RATE, GapMethod.RATIO_BETWEEN_GROUPS, t,
          bootstrap.interval(replicates, endBase + 2 * j + 1));
      Map<String, Double> byGroup = new LinkedHashMap<>();
      for (GroupMetrics g : endFrames[j].groups()) {
        byGroup.put(g.group(), g.selectionRate());
      }
      passThrough.add(new PassThrough(attributes.get(j), byGroup, difference, ratio));
      if (difference.defined() && (Double.isNaN(endMax) || difference.value() > endMax)) {
        endMax = difference.value();
        endDriving = attributes.get(j);
      }
    }
    return new SequentialView(metric.id(), minSupport, stageViews, passThrough, endDriving);
  }
}
