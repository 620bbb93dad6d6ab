package org.trustml.pruning.encoder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;
import org.trustml.ml.CancellationCheck;
import org.trustml.ml.LabeledData;
import org.trustml.ml.MlEngine;
import org.trustml.ml.MlSettings;
import org.trustml.ml.ProgressListener;

/** The encoder on real images: 2,000 Fashion-MNIST training images, 1,000 test images; skipped without the files. */
class FashionMnistEncoderTest {

  @Test
  void theSmallCnnLearnsASliceOfFashionMnist() throws Exception {
    assumeTrue(FashionMnist.present("train") && FashionMnist.present("t10k"),
        "skipped: Fashion-MNIST is not in " + FashionMnist.folder() + " (set -Dtrustml.datasets.dir)");
    MlEngine ml = MlEngine.start(MlSettings.fromEnvironment());
    try (NDManager m = ml.newManager()) {
      LabeledData train = FashionMnist.load(m, "train", 2000);
      LabeledData test = FashionMnist.load(m, "t10k", 1000);
      EncoderSpec spec = EncoderSpec.defaults(Architecture.SMALL_CNN, 10, 1).withEpochs(2);
      try (TrainedEncoder encoder = EncoderTraining.train(ml, train, spec, ProgressListener.NONE,
          CancellationCheck.NONE)) {
        double accuracy = encoder.accuracy(test);
        // 2 epochs of 16 steps are far from converged; a constant or broken model would stay near 0.1
        assertTrue(accuracy > 0.6, "test accuracy " + accuracy);
        assertEquals(64, encoder.embed(test.features())[0].length);
        assertEquals(2000, encoder.dynamics().size());
      }
    }
  }
}
