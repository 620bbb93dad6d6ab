package org.trustml.fhe.estimate;

import java.util.List;
import org.trustml.fhe.job.PlanDocument;

/**
 * Sizes and costs of running a network encrypted, before any key exists: every byte count from the serializer's
 * size formulas, every operation count from the compiled plan, times from operations measured on this host.
 */
public record Estimate(Parameters parameters, String packing, int depth, int inputLevel, int outputLevel,
    int inputCount, int outputCount, int batchSize, List<Integer> rotationSteps, KeySizes keySizes,
    CiphertextSizes ciphertextSizes, PlanDocument.Operations operations, Time time, List<StepView> steps) {

  /**
   * The chosen parameter set.
   *
   * @param primeBits bit sizes of q_0..q_L, then the special prime P
   */
  public record Parameters(String name, String id, int logN, int slots, int levels, int logQp, int maxLogQp128,
      int securityBits, List<Integer> primeBits) {}

  /**
   * Serialized key sizes in bytes.
   *
   * @param galoisKeys    all Galois keys for {@link Estimate#rotationSteps()} together (0 when none is needed)
   * @param perGaloisKey  one more Galois key
   * @param total         what a client uploads for this plan
   */
  public record KeySizes(long publicKey, long relinearizationKey, long galoisKeys, long perGaloisKey, long total) {}

  /**
   * Serialized ciphertext sizes in bytes.
   *
   * @param inputSeeded     one input encrypted with the secret key (seeded), as the client uploads it
   * @param inputPublicKey  one input encrypted with the public key
   * @param output          one output (logits) ciphertext
   * @param inputBatch      a batch's upload (seeded inputs in a container)
   * @param outputBatch     a batch's encrypted logits
   */
  public record CiphertextSizes(long inputSeeded, long inputPublicKey, long output, long inputBatch,
      long outputBatch) {}

  /**
   * Time, modelled: the plan's operations times their costs measured on this host on one thread.
   *
   * @param perBatchSeconds one batch on one thread
   * @param images          images the batch carries
   * @param perImageMillis  per image, amortised over the batch
   * @param costs           the measured seconds per operation at each level the plan runs at
   */
  public record Time(String basis, double perBatchSeconds, int images, double perImageMillis,
      List<OperationCosts.AtLevel> costs) {}

  /** One step of the plan with its modelled time. */
  public record StepView(String kind, int inputs, int outputs, int levelIn, int levelOut, double log2ScaleIn,
      double log2ScaleOut, double headroomBits, long operations, double seconds) {}
}
