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
    return encrypt(plan.inputCount(), plan.inputLevel(), plan.inputScale(), plan.batchSize(), features, encoder,
        encrypt);
  }

  /**
   * Encrypts a batch for a plan known by its input shape only (a client holds the service's plan document, not the
   * compiled plan): {@code inputCount} ciphertexts at {@code inputLevel} and the exact {@code inputScale}, at most
   * {@code batchSize} images.
   */
  public static Ciphertext[] encrypt(int inputCount, int inputLevel, double inputScale, int batchSize,
      double[][] features, CkksEncoder encoder, Function<Plaintext, Ciphertext> encrypt) {
    if (features.length == 0 || features.length > batchSize) {
      throw new IllegalArgumentException("a batch holds 1.." + batchSize + " images, got " + features.length);
    }
    Ciphertext[] out = new Ciphertext[inputCount];
    double[] slots = new double[features.length];
    for (int j = 0; j < out.length; j++) {
      for (int b = 0; b < features.length; b++) {
        if (features[b].length != inputCount) {
          throw new IllegalArgumentException("image " + b + " has " + features[b].length + " features, the plan "
              + "takes " + inputCount);
        }
        slots[b] = features[b][j];
      }
      out[j] = encrypt.apply(encoder.encode(slots, inputLevel, inputScale));
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
