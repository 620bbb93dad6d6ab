package org.trustml.bench.fairness;

import java.nio.file.Path;
import java.util.List;
import org.trustml.fairness.multitask.AdultMultiTask;
import org.trustml.fairness.multitask.FairBranchConfig;
import org.trustml.fairness.multitask.FairBranchExperiment;
import org.trustml.fairness.multitask.FairBranchReport;
import org.trustml.fairness.multitask.MultiTaskSplit;
import org.trustml.fairness.multitask.TrainingListener;
import org.trustml.ml.MlEngine;
import org.trustml.ml.MlSettings;

/**
 * FairBranch against plain multi-task learning on the Adult multi-task set ({@link AdultMultiTask}), with the
 * settings of fairness-service's {@code FairBranchFullRun}: 8 chunks, batch 256, branching every 4 chunks, τ 0.7,
 * AdamW lr 1e-3 and decay 0.01, a tenth of the training rows held out for FairBranch's checkpoint selection.
 */
public final class FairBranchSection {

  private FairBranchSection() {}

  /** The result and its wall time. */
  public record Result(FairBranchReport report, double seconds) {}

  public static Result run(Path adultDir, List<Integer> widths, int epochs, int trainRows, long seed) {
    MultiTaskSplit split = AdultMultiTask.load(adultDir, 8, seed);
    if (trainRows > 0) {
      split = split.head(trainRows, split.test().rows(), 0, 1, 2, 3, 4);
    }
    FairBranchConfig config = new FairBranchConfig(widths, epochs, 256, 4, 0.7, 1e-3, 0.01, seed, 0.1);
    long start = System.nanoTime();
    TrainingListener progress = new TrainingListener() {
      @Override
      public void epochDone(String model, int epoch, int total) {
        System.out.printf("  FairBranch %6.1fs %s epoch %d/%d%n", (System.nanoTime() - start) / 1e9, model, epoch,
            total);
      }
    };
    FairBranchReport report = new FairBranchExperiment(MlEngine.start(MlSettings.fromEnvironment()), config, progress)
        .run(split);
    return new Result(report, (System.nanoTime() - start) / 1e9);
  }
}
