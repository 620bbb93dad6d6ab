package org.trustml.fhe.plan;

import java.util.function.Function;
import org.trustml.fhe.ckks.Ciphertext;
import org.trustml.fhe.ckks.CkksEncoder;
import org.trustml.fhe.ckks.Decryptor;
import org.trustml.fhe.ckks.KeyGenerator;
import org.trustml.fhe.ckks.GaloisKeys;
import org.trustml.fhe.ckks.Plaintext;

/**
 * The client's side of latency packing: one image's features, replicated with the plan's input period over all slots,
 * in one ciphertext; its logits come back in slots 0 .. classes - 1 of one ciphertext.
 */
public final class LatencyPacking {

  private LatencyPacking() {}

  /**
   * Encrypts one image.
   *
   * @param features the image's features (not modified)
   * @param encrypt  a public-key {@code Encryptor::encrypt} or a seeded {@code SymmetricEncryptor::encrypt}
   */
  public static Ciphertext encrypt(LatencyPlan latency, double[] features, CkksEncoder encoder,
      Function<Plaintext, Ciphertext> encrypt) {
    EvaluationPlan plan = latency.plan();
    if (features.length != plan.inputCount()) {
      throw new IllegalArgumentException("the image has " + features.length + " features, the plan takes "
          + plan.inputCount());
    }
    double[] slots = new double[plan.parameters().slots()];
    int period = latency.inputPeriod();
    for (int t = 0; t < slots.length; t++) {
      int j = t % period;
      slots[t] = j < features.length ? features[j] : 0;
    }
    return encrypt.apply(encoder.encode(slots, plan.inputLevel(), plan.inputScale()));
  }

  /** The Galois keys the evaluation needs, made from the client's key generator: exactly the plan's steps. */
  public static GaloisKeys galoisKeys(LatencyPlan latency, KeyGenerator keys) {
    return keys.galoisKeys(latency.rotationSteps(), false);
  }

  /** Decrypts the logits of one image. */
  public static double[] decryptLogits(LatencyPlan latency, Ciphertext output, CkksEncoder encoder,
      Decryptor decryptor) {
    double[] slots = encoder.decode(decryptor.decrypt(output));
    return java.util.Arrays.copyOf(slots, latency.plan().outputCount());
  }
}
