package org.trustml.fairness.multitask;

import java.nio.file.Path;
import java.util.List;
import org.trustml.ml.MlEngine;
import org.trustml.ml.MlSettings;
import org.trustml.fairness.data.sets.SharedDatasets;

/**
 * The full-size comparison on Adult (all rows, five tasks) for the README's table; not a test. Arguments, all
 * optional: seed, epochs, training rows (0 = all), τ, widths (comma-separated; default the paper's tabular trunk
 * [1024, 128, 256, 512, 128]). Prints the KG/DG table, the branching history and the
 * per-epoch conflict counts; about 30 s on two cores with widths 256,128,128,64 and 5 epochs.
 */
public final class FairBranchFullRun {

  private FairBranchFullRun() {}

  public static void main(String[] args) {
    long seed = args.length > 0 ? Long.parseLong(args[0]) : 42;
    int epochs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    int trainRows = args.length > 2 ? Integer.parseInt(args[2]) : 0;
    double tau = args.length > 3 ? Double.parseDouble(args[3]) : 0.7;
    List<Integer> widths =
        args.length > 4
            ? java.util.Arrays.stream(args[4].split(",")).map(String::trim).map(Integer::valueOf).toList()
            : List.of(1024, 128, 256, 512, 128);
    Path adult =
        SharedDatasets.find("adult")
            .orElseThrow(() -> new IllegalStateException("set -D" + "trustml.datasets.dir"));
    MultiTaskSplit split = AdultMultiTask.load(adult, 8, seed);
    if (trainRows > 0) {
      split = split.head(trainRows, split.test().rows(), 0, 1, 2, 3, 4);
    }
    FairBranchConfig config = new FairBranchConfig(widths, epochs, 256, 4, tau, 1e-3, 0.01, seed, 0.1);
    long start = System.nanoTime();
    TrainingListener progress =
        new TrainingListener() {
          @Override
          public void epochDone(String model, int epoch, int total) {
            System.out.printf("%6.1fs %s epoch %d/%d%n", (System.nanoTime() - start) / 1e9, model, epoch, total);
          }
        };
    FairBranchReport report =
        new FairBranchExperiment(MlEngine.start(MlSettings.fromEnvironment()), config, progress).run(split);
    System.out.printf("train %d rows, test %d rows, seed %d, %s%n", report.trainRows(), report.testRows(), seed,
        config);
    report.singleTask().forEach(t -> System.out.println("STL " + t));
    report.plainMultiTask().tasks().forEach(t -> System.out.println("MTL " + t));
    report.fairBranch().tasks().forEach(t -> System.out.println("FB  " + t));
    System.out.print(report.gainsTable());
    for (BranchEvent e : report.fairBranch().branching()) {
      System.out.printf("branch: epoch %d chunk %d layer %d %s -> %s affinity %s%n", e.epoch(), e.chunk(), e.layer(),
          e.compared(), e.groups(), java.util.Arrays.deepToString(e.affinity()));
    }
    report.fairBranch().epochs().forEach(System.out::println);
  }
}
