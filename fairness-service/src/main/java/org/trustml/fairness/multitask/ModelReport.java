package org.trustml.fairness.multitask;

import java.util.List;

/**
 * One multi-task model's test results and its gains over the single-task models.
 *
 * @param model model name
 * @param tasks per-task metrics
 * @param gains per-task gains, then their mean as the last entry
 * @param branching the branching history (empty for the plain model)
 * @param epochs per-epoch losses and gradient-conflict counts
 * @param checkpointEpoch the epoch whose network was evaluated
 */
public record ModelReport(String model, List<TaskMetrics> tasks, List<TaskGains> gains, List<BranchEvent> branching,
    List<EpochLog> epochs, int checkpointEpoch) {

  /** The mean gains (the last entry of {@link #gains()}). */
  public TaskGains mean() {
    return gains.get(gains.size() - 1);
  }
}
