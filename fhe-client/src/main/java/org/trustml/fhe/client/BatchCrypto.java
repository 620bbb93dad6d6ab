package org.trustml.fhe.client;

import org.trustml.fhe.ckks.Ciphertext;
import org.trustml.fhe.ckks.CiphertextBatch;
import org.trustml.fhe.ckks.CkksEncoder;
import org.trustml.fhe.ckks.Decryptor;
import org.trustml.fhe.ckks.SymmetricEncryptor;
import org.trustml.fhe.plan.ThroughputPacking;

/**
 * The client's cryptography around one request, with throughput packing (the only packing the service's compile job
 * offers): features to a {@link CiphertextBatch} of seeded symmetric encryptions at the plan's input level and exact
 * scale, encrypted logits back to numbers and classes. Runs locally; the secret key never leaves this class's callers.
 */
public final class BatchCrypto {

  private BatchCrypto() {}

  /**
   * Encrypts {@code features} ({@code [image][feature]}) for {@code plan}.
   *
   * @throws IllegalArgumentException if the keys are of another parameter set than the plan's, the plan is not
   *     throughput-packed, or the features do not fit it
   */
  public static byte[] encrypt(FheClient.Plan plan, ClientKeys keys, double[][] features) {
    if (!keys.parameterSet().equals(plan.parameterSet())) {
      throw new IllegalArgumentException("the keys are of parameter set " + keys.parameterSet() + ", plan "
          + plan.id() + " computes under " + plan.parameterSet() + " (make keys with --params "
          + plan.parameterSet() + ")");
    }
    if (!"throughput".equals(plan.packing())) {
      throw new IllegalArgumentException("plan " + plan.id() + " uses " + plan.packing() + " packing; this client "
          + "encrypts for throughput packing only");
    }
    SymmetricEncryptor encryptor = new SymmetricEncryptor(keys.secretKey(), ClientKeys.drbg());
    Ciphertext[] inputs = ThroughputPacking.encrypt(plan.inputCount(), plan.inputLevel(), plan.inputScale(),
        plan.batchSize(), features, new CkksEncoder(keys.parameters()), encryptor::encrypt);
    return CiphertextBatch.write(inputs);
  }

  /** The logits of the first {@code images} images in a {@link CiphertextBatch} of outputs: {@code [image][class]}. */
  public static double[][] decryptLogits(ClientKeys keys, byte[] outputs, int images) {
    Ciphertext[] logits = CiphertextBatch.read(keys.parameters(), outputs);
    return ThroughputPacking.decryptLogits(logits, images, new CkksEncoder(keys.parameters()),
        new Decryptor(keys.secretKey()));
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
