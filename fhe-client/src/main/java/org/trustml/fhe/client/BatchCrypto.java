package org.trustml.fhe.client;

import org.trustml.fhe.ckks.Ciphertext;
import org.trustml.fhe.ckks.CiphertextBatch;
import org.trustml.fhe.ckks.CkksEncoder;
import org.trustml.fhe.ckks.Decryptor;
import org.trustml.fhe.ckks.SymmetricEncryptor;
import org.trustml.fhe.plan.LatencyPacking;
import org.trustml.fhe.plan.ThroughputPacking;

/**
 * The client's cryptography around one request: features to a {@link CiphertextBatch} of seeded symmetric encryptions
 * at the plan's input level and exact scale, encrypted logits back to numbers and classes. The plan's packing decides
 * the layout: throughput, one ciphertext per feature holding that feature of every image; latency, one ciphertext per
 * image holding its features replicated with the plan's input period ({@link LatencyPacking}). Runs locally; the
 * secret key never leaves this class's callers.
 */
public final class BatchCrypto {

  private BatchCrypto() {}

  /**
   * Encrypts {@code features} ({@code [image][feature]}) for {@code plan}.
   *
   * @throws IllegalArgumentException if the keys are of another parameter set than the plan's, the packing is
   *     unknown, or the features do not fit the plan
   */
  public static byte[] encrypt(FheClient.Plan plan, ClientKeys keys, double[][] features) {
    if (!keys.parameterSet().equals(plan.parameterSet())) {
      throw new IllegalArgumentException("the keys are of parameter set " + keys.parameterSet() + ", plan "
          + plan.id() + " computes under " + plan.parameterSet() + " (make keys with --params "
          + plan.parameterSet() + ")");
    }
    SymmetricEncryptor encryptor = new SymmetricEncryptor(keys.secretKey(), ClientKeys.drbg());
    CkksEncoder encoder = new CkksEncoder(keys.parameters());
    return switch (plan.packing()) {
      case FheClient.THROUGHPUT -> CiphertextBatch.write(ThroughputPacking.encrypt(plan.inputCount(),
          plan.inputLevel(), plan.inputScale(), plan.batchSize(), features, encoder, encryptor::encrypt));
      case FheClient.LATENCY -> {
        if (features.length == 0 || features.length > plan.batchSize()) {
          throw new IllegalArgumentException(features.length + " images; a request to latency plan " + plan.id()
              + " carries 1 to " + plan.batchSize());
        }
        Ciphertext[] inputs = new Ciphertext[features.length];
        for (int b = 0; b < inputs.length; b++) {
          inputs[b] = LatencyPacking.encrypt(plan.inputPeriod(), plan.inputCount(), plan.inputLevel(),
              plan.inputScale(), features[b], encoder, encryptor::encrypt);
        }
        yield CiphertextBatch.write(inputs);
      }
      default -> throw new IllegalArgumentException("plan " + plan.id() + " uses " + plan.packing() + " packing; "
          + "this client encrypts for " + FheClient.THROUGHPUT + " and " + FheClient.LATENCY);
    };
  }

  /**
   * The logits of the first {@code images} images in a {@link CiphertextBatch} of {@code plan}'s outputs:
   * {@code [image][class]}. With latency packing every ciphertext is one image's, and {@code images} must be their
   * number.
   */
  public static double[][] decryptLogits(FheClient.Plan plan, ClientKeys keys, byte[] outputs, int images) {
    Ciphertext[] logits = CiphertextBatch.read(keys.parameters(), outputs);
    CkksEncoder encoder = new CkksEncoder(keys.parameters());
    Decryptor decryptor = new Decryptor(keys.secretKey());
    if (!plan.isLatency()) {
      return ThroughputPacking.decryptLogits(logits, images, encoder, decryptor);
    }
    if (logits.length != images) {
      throw new IllegalArgumentException("the batch holds " + logits.length + " logit ciphertexts, one per image; "
          + images + " images were expected");
    }
    double[][] out = new double[images][];
    for (int b = 0; b < images; b++) {
      out[b] = LatencyPacking.decryptLogits(plan.outputCount(), logits[b], encoder, decryptor);
    }
    return out;
  }

  /** The class of every row: the index of its largest logit (the first on ties). */
  public static int[] argmax(double[][] logits) {
    int[] out = new int[logits.length];
    for (int i = 0; i < logits.length; i++) {
      for (int k = 1; k < logits[i].length; k++) {
        if (logits[i][k] > logits[i][out[i]]) {
          out[i] = k;
        }
      }
    }
    return out;
  }
}
