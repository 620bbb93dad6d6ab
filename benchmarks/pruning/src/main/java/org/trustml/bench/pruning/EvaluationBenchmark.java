package org.trustml.bench.pruning;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.trustml.ml.ArrayLoaders;
import org.trustml.ml.ArrayOptions;
import org.trustml.ml.ByteSource;
import org.trustml.ml.CancellationCheck;
import org.trustml.ml.LabeledData;
import org.trustml.ml.MlEngine;
import org.trustml.ml.MlSettings;
import org.trustml.pruning.evaluation.EvaluationReport;
import org.trustml.pruning.evaluation.Evaluator;
import tools.jackson.databind.json.JsonMapper;

/**
 * The evaluation section of RESULTS.md: runs a tier's protocol on Fashion-MNIST from the shared datasets folder
 * ({@code trustml.datasets.dir}, else {@code ../shared/datasets}), writes the report as JSON under work/ and returns
 * the markdown section.
 */
final class EvaluationBenchmark {

  private EvaluationBenchmark() {}

  static String run(EvaluationTier tier, String command, Path work) throws IOException {
    Path folder = datasets().resolve("fashion-mnist");
    if (!Files.isRegularFile(folder.resolve("train-images-idx3-ubyte.gz"))
        || !Files.isRegularFile(folder.resolve("t10k-images-idx3-ubyte.gz"))) {
      throw new IOException("Fashion-MNIST is not in " + folder + " (set -Dtrustml.datasets.dir)");
    }
    MlEngine ml = MlEngine.start(MlSettings.fromEnvironment());
    EvaluationReport report;
    try (NDManager manager = ml.newManager()) {
      LabeledData train = first(load(folder, "train", manager), tier.trainImages());
      LabeledData test = load(folder, "t10k", manager);
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

  private static Path datasets() {
    String configured = System.getProperty("trustml.datasets.dir");
    return Path.of(configured != null && !configured.isBlank() ? configured : "../shared/datasets");
  }

  private static LabeledData load(Path folder, String prefix, NDManager manager) throws IOException {
    return ArrayLoaders.idx(ByteSource.of(folder.resolve(prefix + "-images-idx3-ubyte.gz")),
        ByteSource.of(folder.resolve(prefix + "-labels-idx1-ubyte.gz")), manager, ArrayOptions.images());
  }

  private static LabeledData first(LabeledData all, int n) {
    if (n >= all.size()) {
      return all;
    }
    NDArray x = all.features().get(new NDIndex("0:{}", n));
    NDArray y = all.labels().get(new NDIndex("0:{}", n));
    return new LabeledData(x, y);
  }
}
