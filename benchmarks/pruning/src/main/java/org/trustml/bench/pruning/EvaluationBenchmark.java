package org.trustml.bench.pruning;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.trustml.ml.CancellationCheck;
import org.trustml.ml.LabeledData;
import org.trustml.ml.MlEngine;
import org.trustml.ml.MlSettings;
import org.trustml.pruning.evaluation.EvaluationReport;
import org.trustml.pruning.evaluation.Evaluator;
import tools.jackson.databind.json.JsonMapper;

/**
 * An evaluation section of RESULTS.md: runs a tier's protocol on its dataset from the shared datasets folder
 * ({@link BenchmarkData}), writes the report as JSON under work/ and returns the markdown section.
 */
final class EvaluationBenchmark {

  private EvaluationBenchmark() {}

  static String run(EvaluationTier tier, String command, Path work) throws IOException {
    boolean cifar = tier.dataset() == EvaluationTier.Dataset.CIFAR_10;
    if (cifar ? !BenchmarkData.cifarPresent() : !BenchmarkData.fashionMnistPresent()) {
      throw new IOException((cifar ? "the CIFAR-10 subset" : "Fashion-MNIST") + " is not in "
          + BenchmarkData.datasets() + " (set -Dtrustml.datasets.dir)");
    }
    MlEngine ml = MlEngine.start(MlSettings.fromEnvironment());
    EvaluationReport report;
    try (NDManager manager = ml.newManager()) {
      LabeledData train = cifar ? BenchmarkData.cifar(manager, BenchmarkData.CIFAR_TRAIN)
          : BenchmarkData.fashionMnist(manager, "train", tier.trainImages());
      LabeledData test = cifar ? BenchmarkData.cifar(manager, BenchmarkData.CIFAR_TEST)
          : BenchmarkData.fashionMnist(manager, "t10k", Integer.MAX_VALUE);
      long[] last = {System.nanoTime()};
      report = Evaluator.run(ml, train, test, tier.protocol(), (fraction, stage) -> {
        long now = System.nanoTime();
        if (now - last[0] > 10_000_000_000L || fraction >= 1) {
          last[0] = now;
          System.out.printf(Locale.ROOT, "[%5.1f %%] %s%n", fraction * 100, stage);
        }
      }, CancellationCheck.NONE);
    }
    Files.createDirectories(work);
    Path json = work.resolve("evaluation-" + tier.name() + ".json");
    Files.writeString(json, JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(report),
        StandardCharsets.UTF_8);
    return new EvaluationSection(tier, command, report).markdown();
  }
}
