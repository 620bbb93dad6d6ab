package org.trustml.bench.pruning;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import org.trustml.ml.CancellationCheck;
import org.trustml.ml.LabeledData;
import org.trustml.ml.MlEngine;
import org.trustml.ml.MlSettings;
import org.trustml.ml.ProgressListener;
import org.trustml.pruning.encoder.Architecture;
import org.trustml.pruning.encoder.EncoderSpec;
import org.trustml.pruning.encoder.EncoderTraining;
import org.trustml.pruning.encoder.Labels;
import org.trustml.pruning.encoder.TrainedEncoder;
import org.trustml.pruning.manifold.ManifoldStage;

/**
 * The scoring run's real input: the penultimate embeddings of the evaluation's selection encoder (small-cnn, tier
 * 1's three epochs) trained on the first n Fashion-MNIST training images. Training is not part of the scoring time.
 */
final class FashionMnistEmbeddings {

  private FashionMnistEmbeddings() {}

  static ScoringInput load(int n, long seed) throws IOException {
    MlEngine ml = MlEngine.start(MlSettings.fromEnvironment());
    try (NDManager manager = ml.newManager()) {
      LabeledData train = BenchmarkData.fashionMnist(manager, "train", n);
      EncoderSpec spec = EncoderSpec.defaults(Architecture.SMALL_CNN, 10, seed);
      long start = System.nanoTime();
      try (TrainedEncoder encoder = EncoderTraining.train(ml, train, spec, ProgressListener.NONE,
          CancellationCheck.NONE)) {
        float[][] z = encoder.embed(train.features());
        double seconds = (System.nanoTime() - start) / 1e9;
        int d = z[0].length;
        return new ScoringInput(ManifoldStage.rowMajor(z), d, Labels.codes(train.labels()), PruningBenchmark.f("**Fashion-MNIST**, "
            + "the first %,d training images: the %d-d penultimate embeddings of a small-cnn trained for %d epochs "
            + "(Adam 1e-3, batches of %d, seed %d; %.1f s, not counted below)", z.length, d, spec.epochs(),
            spec.batchSize(), seed, seconds));
      }
    }
  }
}
