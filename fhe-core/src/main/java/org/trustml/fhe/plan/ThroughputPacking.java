package org.trustml.fhe.plan;

import java.util.function.Function;
import org.trustml.fhe.ckks.Ciphertext;
import org.trustml.fhe.ckks.CkksEncoder;
import org.trustml.fhe.ckks.Decryptor;
import org.trustml.fhe.ckks.Plaintext;

/**
 * The client's side of throughput packing: feature j of image b goes to slot b of ciphertext j, encoded at the plan's
 * input level and scale; logit k of image b comes back in slot b of output ciphertext k.
 */
public final class ThroughputPacking {

  private ThroughputPacking() {}

  /**
   * Encrypts a batch.
   *
   * @param features {@code [image][feature]}, at most N/2 images (not modified)
   * @param encrypt  a public-key {@code Encryptor::encrypt} or a seeded {@code SymmetricEncryptor::encrypt}
   */
  public static Ciphertext[] encrypt(EvaluationPlan plan, double[][] features, CkksEncoder encoder,
      Function<Plaintext, Ciphertext> encrypt) {
    if (features.length == 0 || features.length > plan.batchSize()) {
      throw new IllegalArgumentException("a batch holds 1.." + plan.batchSize() + " images, got " + features.length);
    }
    Ciphertext[] out = new Ciphertext[plan.inputCount()];
    double[] slots = new double[features.length];
    for (int j = 0; j < out.length; j++) {
      for (int b = 0; b < features.length; b++) {
        if (features[b].length != plan.inputCount()) {
          throw new IllegalArgumentException("image " + b + " has " + features[b].length + " features, the plan "
              + "takes " + plan.inputCount());
        }
        slots[b] = features[b][j];
      }
      out[j] = encrypt.apply(encoder.encode(slots, plan.inputLevel(), plan.inputScale()));
    }
    return out;
  }

  /** Decrypts the logits of the first {@code images} slots: {@code [image][class]}. */
  public static double[][] decryptLogits(Ciphertext[] outputs, int images, CkksEncoder encoder, Decryptor decryptor) {
    double[][] logits = new double[images][outputs.length];
    for (int k = 0; k < outputs.length; k++) {
      double[] slots = encoder.decode(decryptor.decrypt(outputs[k]));
      for (int b = 0; b < images; b++) {
        logits[b][k] = slots[b];
      }
    }
    return logits;
  }
}
