package org.trustml.fairness.multitask;

import java.util.ArrayList;
import java.util.List;

/**
 * A multi-task model against single-task ones on a task: knowledge gain KG = acc_MTL − acc_STL (higher is better)
 * and discrimination gains DG = viol_MTL − viol_STL for EP and EO (lower is better).
 *
 * @param task task name, or {@code mean} for the average over tasks
 */
public record TaskGains(String task, double knowledgeGain, double discriminationGainEp, double discriminationGainEo) {

  /** Per-task gains followed by their mean (named {@code mean}). */
  public static List<TaskGains> compare(List<TaskMetrics> multiTask, List<TaskMetrics> singleTask) {
    List<TaskGains> gains = new ArrayList<>();
    double kg = 0;
    double ep = 0;
    double eo = 0;
    for (int t = 0; t < multiTask.size(); t++) {
      TaskMetrics m = multiTask.get(t);
      TaskMetrics s = singleTask.get(t);
      TaskGains g =
          new TaskGains(
              m.task(),
              m.accuracy() - s.accuracy(),
              m.equalOpportunity() - s.equalOpportunity(),
              m.equalizedOdds() - s.equalizedOdds());
      gains.add(g);
      kg += g.knowledgeGain();
      ep += g.discriminationGainEp();
      eo += g.discriminationGainEo();
    }
    int n = multiTask.size();
    gains.add(new TaskGains("mean", kg / n, ep / n, eo / n));
    return gains;
  }
}
