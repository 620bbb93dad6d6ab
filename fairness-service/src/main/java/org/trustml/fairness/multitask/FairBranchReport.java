package org.trustml.fairness.multitask;

import java.util.List;

/**
 * A FairBranch experiment: single-task baselines, the plain multi-task model and FairBranch on the same split.
 *
 * @param tasks task names
 * @param config hyper-parameters shared by every model
 * @param trainRows training rows
 * @param testRows test rows
 * @param singleTask one single-task model per task
 * @param plainMultiTask all layers shared, Σ_t L_t
 * @param fairBranch FairBranch
 */
public record FairBranchReport(
    List<String> tasks,
    FairBranchConfig config,
    int trainRows,
    int testRows,
    List<TaskMetrics> singleTask,
    ModelReport plainMultiTask,
    ModelReport fairBranch) {

  /** A fixed-width table of KG and DG per task for both multi-task models. */
  public String gainsTable() {
    StringBuilder out = new StringBuilder();
    out.append(String.format("%-12s %8s %8s %8s | %8s %8s %8s%n", "task", "KG-MTL", "EP-MTL", "EO-MTL", "KG-FB",
        "EP-FB", "EO-FB"));
    for (int t = 0; t < plainMultiTask.gains().size(); t++) {
      TaskGains p = plainMultiTask.gains().get(t);
      TaskGains f = fairBranch.gains().get(t);
      out.append(String.format("%-12s %8.4f %8.4f %8.4f | %8.4f %8.4f %8.4f%n", p.task(), p.knowledgeGain(),
          p.discriminationGainEp(), p.discriminationGainEo(), f.knowledgeGain(), f.discriminationGainEp(),
          f.discriminationGainEo()));
    }
    return out.toString();
  }
}
