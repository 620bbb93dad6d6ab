package org.trustml.bench.fhe;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import org.trustml.fhe.ckks.Ciphertext;
import org.trustml.fhe.ckks.CkksEncoder;
import org.trustml.fhe.ckks.CkksSerializer;
import org.trustml.fhe.ckks.Decryptor;
import org.trustml.fhe.ckks.KeyGenerator;
import org.trustml.fhe.ckks.KeySwitchKey;
import org.trustml.fhe.ckks.SymmetricEncryptor;
import org.trustml.fhe.dct.Images;
import org.trustml.fhe.model.ImageFeatures;
import org.trustml.fhe.model.PolyNetwork;
import org.trustml.fhe.model.PolyNetworkFormat;
import org.trustml.fhe.training.PolyNetworkTrainer;
import org.trustml.fhe.training.TrainingSettings;
import org.trustml.fhe.plan.EvaluationPlan;
import org.trustml.fhe.plan.PlanCompiler;
import org.trustml.fhe.plan.PlanEvaluator;
import org.trustml.fhe.plan.PlanOptions;
import org.trustml.fhe.plan.ThroughputPacking;
import org.trustml.ml.MlEngine;

/**
 * One dataset and one input pipeline: train (or load the cached model), plaintext accuracy on the whole test set,
 * then one full encrypted batch of test images (client: encode + seeded encryption; server: the plan, single thread
 * and on both cores; client: decryption) with agreement, accuracy, timings and sizes; then the same network and keys
 * with latency packing, one image per ciphertext ({@link LatencyCase}).
 */
final class InferenceCase {

  final String dataset;
  final String featureName;
  final int inputs;
  final double trainSeconds;
  final boolean cached;
  final double plainAccuracyAll;
  final int batchImages;
  final double plainAccuracyBatch;
  final double encryptedAccuracyBatch;
  final double agreement;
  final double maxLogitError;
  final double encryptMillis;
  final double evaluateMillis;
  final double evaluateParallelMillis;
  final double decryptMillis;
  final long uploadBytes;
  final long resultBytes;
  final long relinKeyBytes;
  final EvaluationPlan plan;
  final LatencyCase latency;

  InferenceCase(MlEngine ml, String dataset, Images train, Images test, String featureName,
      ImageFeatures pipeline, TrainingSettings settings, Path cacheDir, int batchLimit, int latencyImages)
      throws IOException {
    this.dataset = dataset;
    this.featureName = featureName;
    ImageFeatures features = pipeline.fit(train, train.count());
    // keyed by everything the training depends on, the training set's size included (--quick trains on fewer)
    Path cache = cacheDir.resolve(dataset + "-" + featureName + "-" + train.count() + "n-" + settings.hidden() + "h-"
        + settings.epochs() + "e-seed" + settings.seed() + ".json");
    PolyNetwork network;
    long start = System.nanoTime();
    if (Files.isRegularFile(cache)) {
      network = PolyNetworkFormat.read(cache);
      cached = true;
    } else {
      network = PolyNetworkTrainer.train(ml, features.transform(train, 0, train.count()), train.labels(), 10,
          settings, features.description()).network();
      Files.createDirectories(cacheDir);
      PolyNetworkFormat.write(network, cache);
      cached = false;
    }
    trainSeconds = (System.nanoTime() - start) / 1e9;
    inputs = network.inputSize();
    double[][] x = features.transform(test, 0, test.count());
    int correct = 0;
    for (int b = 0; b < x.length; b++) {
      correct += PolyNetwork.argmax(network.forward(x[b])) == test.labels()[b] ? 1 : 0;
    }
    plainAccuracyAll = correct / (double) x.length;

    plan = PlanCompiler.compile(network, PlanOptions.defaults());
    KeyGenerator keys = new KeyGenerator(plan.parameters(), new SecureRandom());
    KeySwitchKey relin = keys.relinearizationKey();
    CkksEncoder encoder = new CkksEncoder(plan.parameters());
    SymmetricEncryptor encryptor = new SymmetricEncryptor(keys.secretKey(), new SecureRandom());
    Decryptor decryptor = new Decryptor(keys.secretKey());
    batchImages = Math.min(Math.min(plan.batchSize(), batchLimit), x.length);
    double[][] batch = Arrays.copyOf(x, batchImages);

    start = System.nanoTime();
    Ciphertext[] in = ThroughputPacking.encrypt(plan, batch, encoder, encryptor::encrypt);
    encryptMillis = (System.nanoTime() - start) / 1e6;
    uploadBytes = (long) in.length * CkksSerializer.write(in[0]).length;
    relinKeyBytes = CkksSerializer.write(relin).length;

    PlanEvaluator sequential = new PlanEvaluator(plan, relin, false);
    sequential.evaluate(Arrays.copyOf(in, in.length)); // warm-up: the JIT compiles the kernels
    start = System.nanoTime();
    Ciphertext[] out = sequential.evaluate(in);
    evaluateMillis = (System.nanoTime() - start) / 1e6;
    start = System.nanoTime();
    new PlanEvaluator(plan, relin, true).evaluate(in);
    evaluateParallelMillis = (System.nanoTime() - start) / 1e6;
    resultBytes = (long) out.length * CkksSerializer.write(out[0]).length;

    start = System.nanoTime();
    double[][] logits = ThroughputPacking.decryptLogits(out, batchImages, encoder, decryptor);
    decryptMillis = (System.nanoTime() - start) / 1e6;

    int agree = 0;
    int plainCorrect = 0;
    int encryptedCorrect = 0;
    double worst = 0;
    for (int b = 0; b < batchImages; b++) {
      double[] plain = network.forward(batch[b]);
      int p = PolyNetwork.argmax(plain);
      int e = PolyNetwork.argmax(logits[b]);
      agree += p == e ? 1 : 0;
      plainCorrect += p == test.labels()[b] ? 1 : 0;
      encryptedCorrect += e == test.labels()[b] ? 1 : 0;
      for (int k = 0; k < plain.length; k++) {
        worst = Math.max(worst, Math.abs(plain[k] - logits[b][k]));
      }
    }
    agreement = agree / (double) batchImages;
    plainAccuracyBatch = plainCorrect / (double) batchImages;
    encryptedAccuracyBatch = encryptedCorrect / (double) batchImages;
    maxLogitError = worst;
    latency = new LatencyCase(plan, network, keys, batch, latencyImages);
  }
}
