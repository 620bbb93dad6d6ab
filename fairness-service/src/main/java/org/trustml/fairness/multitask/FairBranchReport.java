package org.trustml.fairness.multitask;

import java.util.List;

/**
 * A FairBranch experiment: single-task baselines, the plain multi-task model and FairBranch on the same split.
 *
 * @param tasks task names
 * @param config hyper-parameters shared by every model
 * @param trainRows training rows every model fitted
 * @param validationRows training rows held out for FairBranch's checkpoint selection (0: none)
 * @param testRows test rows
 * @param singleTask one single-task model per task
 * @param plainMultiTask all layers shared, Σ_t L_t
 * @param fairBranch FairBranch
 */
public record FairBranchReport(
    List<String> tasks,
    FairBranchConfig config,
    int trainRows,
    int validationRows,
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

  /**
   * The whole report as text: settings, per-task test metrics of every model, the gains table and FairBranch's
   * branching decisions.
   */
  public String text() {
    StringBuilder out = new StringBuilder();
    out.append(String.format("FairBranch on %d training and %d test rows, tasks %s%n", trainRows, testRows, tasks));
    if (validationRows > 0) {
      out.append(String.format("checkpoint: epoch %d of %d, the fewest conflicting gradient pairs (median over batches) "
          + "on %d held-out training rows%n", fairBranch.checkpointEpoch(), config.epochs(), validationRows));
    }
    out.append(String.format("widths %s, %d epochs, batch %d, branch every %d chunks, tau %.3f, lr %.2g, seed %d%n%n",
        config.widths(), config.epochs(), config.batchSize(), config.branchEvery(), config.tau(),
        config.learningRate(), config.seed()));
    out.append(String.format("%-12s %-12s %8s %8s %8s%n", "model", "task", "acc", "EP", "EO"));
    List<List<TaskMetrics>> models = List.of(singleTask, plainMultiTask.tasks(), fairBranch.tasks());
    List<String> names = List.of("single-task", plainMultiTask.model(), fairBranch.model());
    for (int m = 0; m < models.size(); m++) {
      for (TaskMetrics t : models.get(m)) {
        out.append(String.format("%-12s %-12s %8.4f %8.4f %8.4f%n", names.get(m), t.task(), t.accuracy(),
            t.equalOpportunity(), t.equalizedOdds()));
      }
    }
    out.append(String.format("%nknowledge gain (KG, higher is better) and discrimination gains (DG, lower is better) "
        + "against the single-task models%n"));
    out.append(gainsTable());
    out.append(String.format("%nbranching (%d events)%n", fairBranch.branching().size()));
    for (BranchEvent e : fairBranch.branching()) {
      out.append(String.format("epoch %d, chunk %d: layer %d split into %s%n", e.epoch(), e.chunk(), e.layer(),
          e.groups()));
    }
    return out.toString();
  }
}
