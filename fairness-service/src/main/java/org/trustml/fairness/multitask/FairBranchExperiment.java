package org.trustml.fairness.multitask;

import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;
import org.trustml.ml.MlEngine;

/**
 * Runs the comparison FairBranch is judged by: one single-task model per task, the plain multi-task model and
 * FairBranch, all with the same architecture, hyper-parameters and seed, evaluated on the test rows.
 */
public final class FairBranchExperiment {

  private final MlEngine engine;
  private final FairBranchConfig config;
  private final TrainingListener listener;

  public FairBranchExperiment(MlEngine engine, FairBranchConfig config, TrainingListener listener) {
    this.engine = engine;
    this.config = config;
    this.listener = listener;
  }

  /** Trains every model on {@code split.train()} and reports on {@code split.test()}. */
  public FairBranchReport run(MultiTaskSplit split) {
    MultiTaskData train = split.train();
    MultiTaskData test = split.test();
    try (NDManager manager = engine.newManager()) {
      FairBranchTrainer trainer = new FairBranchTrainer(config, manager, listener);
      List<TaskMetrics> single = new ArrayList<>();
      for (int t = 0; t < train.taskCount(); t++) {
        String name = "single-" + train.taskNames().get(t);
        FairBranchTrainer.Trained model = trainer.train(name, train.tasks(t), FairBranchTrainer.Mode.PLAIN);
        single.add(TaskMetrics.of(test.tasks(t), model.predict(manager, test.tasks(t))).get(0));
      }
      ModelReport plain =
          report(trainer.train("plain-mtl", train, FairBranchTrainer.Mode.PLAIN), manager, test, single);
      ModelReport fair =
          report(trainer.train("fairbranch", train, FairBranchTrainer.Mode.FAIR_BRANCH), manager, test, single);
      return new FairBranchReport(train.taskNames(), config, train.rows(), test.rows(), single, plain, fair);
    }
  }

  private static ModelReport report(
      FairBranchTrainer.Trained model, NDManager manager, MultiTaskData test, List<TaskMetrics> single) {
    List<TaskMetrics> metrics = TaskMetrics.of(test, model.predict(manager, test));
    return new ModelReport(
        model.name(), metrics, TaskGains.compare(metrics, single), model.branching(), model.epochs());
  }
}
