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
    return encrypt(latency.inputPeriod(), plan.inputCount(), plan.inputLevel(), plan.inputScale(), features, encoder,
        encrypt);
  }

  /**
   * Encrypts one image from the plan's published shape alone (a client holds the plan document, not the weights).
   *
   * @param inputPeriod the plan's {@link LatencyPlan#inputPeriod()}
   * @param inputCount  features per image
   * @param level       the plan's input level
   * @param scale       the plan's exact input scale
   */
  public static Ciphertext encrypt(int inputPeriod, int inputCount, int level, double scale, double[] features,
      CkksEncoder encoder, Function<Plaintext, Ciphertext> encrypt) {
    if (features.length != inputCount) {
      throw new IllegalArgumentException("the image has " + features.length + " features, the plan takes "
          + inputCount);
    }
    double[] slots = new double[encoder.parameters().slots()];
    if (Integer.bitCount(inputPeriod) != 1 || inputPeriod < inputCount || inputPeriod > slots.length) {
      throw new IllegalArgumentException("the input period " + inputPeriod + " must be a power of two between the "
          + "feature count " + inputCount + " and the slots " + slots.length);
    }
    for (int t = 0; t < slots.length; t++) {
      int j = t % inputPeriod;
      slots[t] = j < features.length ? features[j] : 0;
    }
    return encrypt.apply(encoder.encode(slots, level, scale));
  }

  /** The Galois keys the evaluation needs, made from the client's key generator: exactly the plan's steps. */
  public static GaloisKeys galoisKeys(LatencyPlan latency, KeyGenerator keys) {
    return keys.galoisKeys(latency.rotationSteps(), false);
  }

  /** Decrypts the logits of one image. */
  public static double[] decryptLogits(LatencyPlan latency, Ciphertext output, CkksEncoder encoder,
      Decryptor decryptor) {
    return decryptLogits(latency.plan().outputCount(), output, encoder, decryptor);
  }

  /** Decrypts the logits of one image given the plan's class count. */
  public static double[] decryptLogits(int outputCount, Ciphertext output, CkksEncoder encoder,
      Decryptor decryptor) {
    double[] slots = encoder.decode(decryptor.decrypt(output));
    return java.util.Arrays.copyOf(slots, outputCount);
  }
}
