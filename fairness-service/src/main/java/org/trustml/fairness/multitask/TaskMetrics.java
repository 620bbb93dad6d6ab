package org.trustml.fairness.multitask;

import java.util.List;

/**
 * One model's test results on one task (design note §8: FairBranch's unsigned conventions).
 *
 * @param task task name
 * @param accuracy share of correct predictions
 * @param equalOpportunity |TPR_male − TPR_female| (EP)
 * @param equalizedOdds |ΔTPR| + |ΔTNR| (EO)
 */
public record TaskMetrics(String task, double accuracy, double equalOpportunity, double equalizedOdds) {

  private static final double GUARD = 1e-10;

  /** Metrics of 0/1 predictions against labels, groups 1 (non-protected) and 0 (protected). */
  public static TaskMetrics of(String task, int[] labels, int[] predictions, int[] groups) {
    long[][] counts = new long[2][4]; // [group][tp, fn, tn, fp]
    long correct = 0;
    for (int i = 0; i < labels.length; i++) {
      int g = groups[i];
      if (labels[i] == 1) {
        counts[g][predictions[i] == 1 ? 0 : 1]++;
      } else {
        counts[g][predictions[i] == 0 ? 2 : 3]++;
      }
      if (labels[i] == predictions[i]) {
        correct++;
      }
    }
    double dTpr = Math.abs(tpr(counts[1]) - tpr(counts[0]));
    double dTnr = Math.abs(tnr(counts[1]) - tnr(counts[0]));
    return new TaskMetrics(task, correct / (double) Math.max(labels.length, 1), dTpr, dTpr + dTnr);
  }

  /** Every task of a model's predictions on {@code data}. */
  public static List<TaskMetrics> of(MultiTaskData data, int[][] predictions) {
    return java.util.stream.IntStream.range(0, data.taskCount())
        .mapToObj(t -> of(data.taskNames().get(t), data.targets()[t], predictions[t], data.group()))
        .toList();
  }

  private static double tpr(long[] c) {
    return c[0] / (c[0] + c[1] + GUARD);
  }

  private static double tnr(long[] c) {
    return c[2] / (c[2] + c[3] + GUARD);
  }
}
