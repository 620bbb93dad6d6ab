package org.trustml.fairness.multitask;

import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.trustml.ml.MlEngine;
import org.trustml.ml.Seeds;

/**
 * Runs the comparison FairBranch is judged by: one single-task model per task, the plain multi-task model and
 * FairBranch, all with the same architecture, hyper-parameters, seed and training rows, evaluated on the test rows.
 * With a validation share, FairBranch alone picks its checkpoint epoch on the held-out rows (the paper's rule); the
 * others keep their last epoch.
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

  /**
   * Trains every model on {@code split.train()} (less the validation rows, with checkpoint selection) and reports on
   * {@code split.test()}.
   */
  public FairBranchReport run(MultiTaskSplit split) {
    MultiTaskData[] fitAndValidation = holdOut(split.train(), config.validationFraction(), config.seed());
    MultiTaskData train = fitAndValidation[0];
    MultiTaskData validation = fitAndValidation[1];
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
          report(trainer.train("fairbranch", train, validation, FairBranchTrainer.Mode.FAIR_BRANCH), manager, test,
              single);
      return new FairBranchReport(train.taskNames(), config, train.rows(), validation == null ? 0 : validation.rows(),
          test.rows(), single, plain, fair);
    }
  }

  /**
   * The training rows split into the rows every model fits and the validation rows (null for none): a seeded
   * shuffle, the first ⌈fraction · n⌉ held out, both parts in their original order so chunks stream as before.
   */
  static MultiTaskData[] holdOut(MultiTaskData train, double fraction, long seed) {
    int n = train.rows();
    int held = (int) Math.ceil(fraction * n);
    if (held == 0) {
      return new MultiTaskData[] {train, null};
    }
    if (held >= n) {
      throw new IllegalArgumentException("validationFraction " + fraction + " leaves no training rows of " + n);
    }
    // a stream of its own: the trainers draw initialisation and batch order from the same seed
    int[] order = Seeds.permutation(n, new SplittableRandom(seed ^ 0x5DEECE66DL));
    boolean[] isHeld = new boolean[n];
    for (int k = 0; k < held; k++) {
      isHeld[order[k]] = true;
    }
    int[] fit = new int[n - held];
    int[] validation = new int[held];
    for (int i = 0, f = 0, v = 0; i < n; i++) {
      if (isHeld[i]) {
        validation[v++] = i;
      } else {
        fit[f++] = i;
      }
    }
    return new MultiTaskData[] {train.rows(fit), train.rows(validation)};
  }

  private static ModelReport report(
      FairBranchTrainer.Trained model, NDManager manager, MultiTaskData test, List<TaskMetrics> single) {
    List<TaskMetrics> metrics = TaskMetrics.of(test, model.predict(manager, test));
    return new ModelReport(model.name(), metrics, TaskGains.compare(metrics, single), model.branching(),
        model.epochs(), model.checkpointEpoch());
  }
}
