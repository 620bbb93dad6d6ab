package org.trustml.fhe.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.trustml.fhe.ckks.Ciphertext;
import org.trustml.fhe.ckks.CkksEncoder;
import org.trustml.fhe.ckks.Decryptor;
import org.trustml.fhe.ckks.KeyGenerator;
import org.trustml.fhe.ckks.SymmetricEncryptor;
import org.trustml.fhe.data.IdxImageFiles;
import org.trustml.fhe.dct.LabelledImages;
import org.trustml.fhe.model.ImageFeatures;
import org.trustml.fhe.model.PolyNetwork;
import org.trustml.fhe.training.PolyNetworkTrainer;
import org.trustml.fhe.training.TrainingSettings;
import org.trustml.ml.MlEngine;
import org.trustml.ml.MlSettings;

/**
 * End to end on real MNIST: a DCT network trained on 10,000 images, 300 test images encrypted in one batch; the
 * encrypted and plaintext predictions must agree on at least 99.5 % (the bar). Skipped without the files.
 */
class MnistEncryptedInferenceTest {

  private static final int TRAIN = 10_000;
  private static final int TEST = 300;
  private static final int LATENCY_IMAGES = 40;

  @Test
  void encryptedPredictionsAgreeWithPlaintextOnMnist() throws IOException {
    IdxImageFiles files = IdxImageFiles.fromDefaultDir();
    assumeTrue(files.isPresent(IdxImageFiles.MNIST, IdxImageFiles.Split.TRAIN)
            && files.isPresent(IdxImageFiles.MNIST, IdxImageFiles.Split.TEST),
        "skipped: MNIST IDX files not found under " + files.datasetsDir().toAbsolutePath() + "/mnist");
    LabelledImages train = files.load(IdxImageFiles.MNIST, IdxImageFiles.Split.TRAIN);
    LabelledImages test = files.load(IdxImageFiles.MNIST, IdxImageFiles.Split.TEST);
    ImageFeatures features = ImageFeatures.dct(ImageFeatures.LOW_FREQUENCY_6).fit(train, TRAIN);
    PolyNetwork network = PolyNetworkTrainer.train(MlEngine.start(MlSettings.fromEnvironment()),
        features.transform(train, 0, TRAIN), Arrays.copyOf(train.labels(), TRAIN), 10,
        new TrainingSettings(32, 3, 64, 2e-3f, 7), features.description()).network();

    EvaluationPlan plan = PlanCompiler.compile(network, PlanOptions.defaults());
    byte[] seed = new byte[32];
    seed[0] = 1;
    KeyGenerator keys = new KeyGenerator(plan.parameters(), seed);
    CkksEncoder encoder = new CkksEncoder(plan.parameters());
    double[][] x = features.transform(test, 0, TEST);
    Ciphertext[] in = ThroughputPacking.encrypt(plan, x, encoder,
        new SymmetricEncryptor(keys.secretKey(), new SecureRandom())::encrypt);
    Ciphertext[] out = new PlanEvaluator(plan, keys.relinearizationKey(), true).evaluate(in);
    double[][] logits = ThroughputPacking.decryptLogits(out, TEST, encoder, new Decryptor(keys.secretKey()));

    int agree = 0;
    int correct = 0;
    for (int b = 0; b < TEST; b++) {
      int plain = PolyNetwork.argmax(network.forward(x[b]));
      agree += PolyNetwork.argmax(logits[b]) == plain ? 1 : 0;
      correct += plain == test.labels()[b] ? 1 : 0;
    }
    assertThat(agree / (double) TEST).isGreaterThanOrEqualTo(0.995);
    assertThat(correct / (double) TEST).as("plaintext accuracy on 300 test images").isGreaterThan(0.9);

    // latency packing: one image per ciphertext, the same network and level schedule
    LatencyPlan latency = LatencyPlan.of(plan);
    LatencyEvaluator server = new LatencyEvaluator(latency, keys.relinearizationKey(),
        LatencyPacking.galoisKeys(latency, keys), false);
    SymmetricEncryptor encryptor = new SymmetricEncryptor(keys.secretKey(), new SecureRandom());
    Decryptor decryptor = new Decryptor(keys.secretKey());
    int latencyAgree = 0;
    for (int b = 0; b < LATENCY_IMAGES; b++) {
      double[] expected = network.forward(x[b]);
      double[] decrypted = LatencyPacking.decryptLogits(latency,
          server.evaluate(LatencyPacking.encrypt(latency, x[b], encoder, encryptor::encrypt)), encoder, decryptor);
      if (PolyNetwork.argmax(decrypted) == PolyNetwork.argmax(expected)) {
        latencyAgree++;
      } else {
        // only a near tie may flip: the logit error is a few 1e-3 (LatencyEvaluatorTest)
        assertThat(margin(expected)).as("image %d flipped", b).isLessThan(2 * LatencyEvaluatorTest.LOGIT_TOLERANCE);
      }
    }
    assertThat(latencyAgree).isGreaterThanOrEqualTo(LATENCY_IMAGES - 1);
  }

  /** The gap between the two largest logits. */
  private static double margin(double[] logits) {
    double[] sorted = logits.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length - 1] - sorted[sorted.length - 2];
  }
}
