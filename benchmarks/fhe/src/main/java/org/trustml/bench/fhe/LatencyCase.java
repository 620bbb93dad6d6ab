package org.trustml.bench.fhe;

import java.util.Arrays;
import org.trustml.fhe.ckks.Ciphertext;
import org.trustml.fhe.ckks.CkksEncoder;
import org.trustml.fhe.ckks.CkksSerializer;
import org.trustml.fhe.ckks.Decryptor;
import org.trustml.fhe.ckks.GaloisKeys;
import org.trustml.fhe.ckks.KeyGenerator;
import org.trustml.fhe.ckks.SymmetricEncryptor;
import org.trustml.fhe.model.PolyNetwork;
import org.trustml.fhe.plan.EvaluationPlan;
import org.trustml.fhe.plan.LatencyEvaluator;
import org.trustml.fhe.plan.LatencyPacking;
import org.trustml.fhe.plan.LatencyPlan;

/**
 * Latency packing for one trained network: each of the first {@code images} test images alone in one ciphertext,
 * encrypted, evaluated by the server (single thread, and on both cores) and decrypted; median milliseconds per image,
 * agreement with the plaintext network, and the Galois keys the plan needs.
 */
final class LatencyCase {

  final LatencyPlan latency;
  final int images;
  final double agreement;
  final double maxLogitError;
  final double encryptMillis;
  final double evaluateMillis;
  final double evaluateParallelMillis;
  final double decryptMillis;
  final double setupMillis;
  final long galoisKeyBytes;
  final long uploadBytes;
  final long resultBytes;

  LatencyCase(EvaluationPlan plan, PolyNetwork network, KeyGenerator keys, double[][] x, int images) {
    latency = LatencyPlan.of(plan);
    this.images = Math.min(images, x.length);
    CkksEncoder encoder = new CkksEncoder(plan.parameters());
    SymmetricEncryptor encryptor = new SymmetricEncryptor(keys.secretKey(), new java.security.SecureRandom());
    Decryptor decryptor = new Decryptor(keys.secretKey());
    GaloisKeys galois = LatencyPacking.galoisKeys(latency, keys);
    galoisKeyBytes = CkksSerializer.write(galois).length;
    long start = System.nanoTime();
    LatencyEvaluator sequential = new LatencyEvaluator(latency, keys.relinearizationKey(), galois, false);
    setupMillis = (System.nanoTime() - start) / 1e6;
    LatencyEvaluator parallel = new LatencyEvaluator(latency, keys.relinearizationKey(), galois, true);
    sequential.evaluate(LatencyPacking.encrypt(latency, x[0], encoder, encryptor::encrypt)); // JIT warm-up

    double[] encrypt = new double[this.images];
    double[] evaluate = new double[this.images];
    double[] evaluateParallel = new double[this.images];
    double[] decrypt = new double[this.images];
    int agree = 0;
    double worst = 0;
    long upload = 0;
    long result = 0;
    for (int b = 0; b < this.images; b++) {
      start = System.nanoTime();
      Ciphertext in = LatencyPacking.encrypt(latency, x[b], encoder, encryptor::encrypt);
      encrypt[b] = (System.nanoTime() - start) / 1e6;
      start = System.nanoTime();
      Ciphertext out = sequential.evaluate(in);
      evaluate[b] = (System.nanoTime() - start) / 1e6;
      start = System.nanoTime();
      parallel.evaluate(in);
      evaluateParallel[b] = (System.nanoTime() - start) / 1e6;
      start = System.nanoTime();
      double[] logits = LatencyPacking.decryptLogits(latency, out, encoder, decryptor);
      decrypt[b] = (System.nanoTime() - start) / 1e6;
      double[] plain = network.forward(x[b]);
      agree += PolyNetwork.argmax(plain) == PolyNetwork.argmax(logits) ? 1 : 0;
      for (int k = 0; k < plain.length; k++) {
        worst = Math.max(worst, Math.abs(plain[k] - logits[k]));
      }
      if (b == 0) {
        upload = CkksSerializer.write(in).length;
        result = CkksSerializer.write(out).length;
      }
    }
    agreement = agree / (double) this.images;
    maxLogitError = worst;
    encryptMillis = median(encrypt);
    evaluateMillis = median(evaluate);
    evaluateParallelMillis = median(evaluateParallel);
    decryptMillis = median(decrypt);
    uploadBytes = upload;
    resultBytes = result;
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
