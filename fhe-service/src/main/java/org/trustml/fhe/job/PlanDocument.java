package org.trustml.fhe.job;

import java.util.List;
import java.util.stream.IntStream;
import org.trustml.fhe.ckks.CiphertextBatch;
import org.trustml.fhe.ckks.CkksParameters;
import org.trustml.fhe.ckks.CkksSerializer;
import org.trustml.fhe.plan.EvaluationPlan;
import org.trustml.fhe.plan.LatencyPlan;
import org.trustml.fhe.plan.ParameterSets;
import org.trustml.fhe.plan.PlanOptions;
import org.trustml.fhe.plan.PlanStep;

/**
 * The {@code plan.json} a compile job writes: everything a client needs to encrypt for the plan (parameter set, input
 * level and scale, inputs per batch) and to size it, and what the server needs to rebuild the plan exactly (the
 * network's digest, the parameter set, the options). The rounded weights are not stored: compiling is deterministic
 * and cheap, and the inference job checks that its rebuilt steps equal these.
 *
 * <p>With {@value #LATENCY} packing one image travels in one ciphertext, its features replicated with
 * {@code inputPeriod}; {@code batchSize} is then the most images one request may carry, and the operation counts and
 * batch sizes are per image.
 *
 * @param network      SHA-256 of the network's {@code trustml-poly-network} JSON in the artifact store
 * @param inputScale   exact scale of the input ciphertexts (encode at this, not at 2^round(log2))
 * @param batchSize    throughput: images per batch (one per slot); latency: most images per request
 * @param rotationSteps the rotation steps the client makes Galois keys for (none with throughput packing)
 * @param inputPeriod  latency: the period an image's features are replicated with over the slots; null otherwise
 * @param ciphertextsPerImage latency: 1; null with throughput (every ciphertext carries one feature of many images)
 * @param operations   ciphertext operations per batch (throughput) or per image (latency)
 * @param sizes        serialized bytes, from {@link CkksSerializer}'s own size formulas
 */
public record PlanDocument(String format, int version, String model, String network, String parameterSet,
    String parameterId, String packing, PlanOptions options, int depth, int inputLevel, double inputScale,
    int inputCount, int outputCount, int outputLevel, double outputScale, int batchSize, List<Integer> rotationSteps,
    Integer inputPeriod, Integer ciphertextsPerImage, List<PlanStep> steps, Operations operations, Sizes sizes,
    String report) {

  /** The {@code format} field. */
  public static final String FORMAT = "trustml-fhe-plan";
  /** The version written and read. */
  public static final int VERSION = 1;
  /** One ciphertext per feature, one image per slot. */
  public static final String THROUGHPUT = "throughput";
  /** One image per ciphertext, dense layers as rotated diagonals (needs Galois keys). */
  public static final String LATENCY = "latency";
  /** The most images one latency request carries: each is evaluated in turn, so this bounds a job's length. */
  public static final int MAX_LATENCY_IMAGES = 64;

  /** Whether the plan is latency-packed. */
  public boolean usesLatencyPacking() {
    return LATENCY.equals(packing);
  }

  /**
   * Ciphertext operations per batch (throughput) or per image (latency, where {@code scalarProducts} counts the
   * ciphertext-by-plaintext-diagonal products and {@code rotations} the key-switched rotations).
   */
  public record Operations(long rotations, long scalarProducts, long multiplications, long relinearizations,
      long rescales, long constantAdditions, long total) {}

  /**
   * Serialized sizes in bytes.
   *
   * @param inputCiphertext  one input as the client uploads it (a seeded symmetric encryption)
   * @param inputBatch       a whole batch of inputs in a {@code CiphertextBatch} (latency: one image's)
   * @param outputCiphertext one output (a full ciphertext at the output level)
   * @param outputBatch      the encrypted logits of a batch (latency: of one image)
   * @param galoisKeys       the Galois keys for {@code rotationSteps} (0 when there are none)
   */
  public record Sizes(long inputCiphertext, long inputBatch, long outputCiphertext, long outputBatch,
      long galoisKeys) {}

  /** The throughput document of {@code plan}, compiled from the catalog model {@code model} stored at {@code network}. */
  public static PlanDocument of(String model, String network, EvaluationPlan plan) {
    CkksParameters params = plan.parameters();
    long relins = plan.multiplications();
    long constants = plan.steps().stream().mapToLong(PlanStep::constantAdditions).sum();
    long input = CkksSerializer.seededCiphertextBytes(params, plan.inputLevel());
    long output = CkksSerializer.ciphertextBytes(params, plan.outputLevel(), 2);
    return new PlanDocument(FORMAT, VERSION, model, network, ParameterSets.nameOf(params),
        ParameterSets.fingerprint(params.id()), THROUGHPUT, plan.options(), plan.depth(), plan.inputLevel(),
        plan.inputScale(), plan.inputCount(), plan.outputCount(), plan.outputLevel(), plan.outputScale(),
        plan.batchSize(), List.of(), null, null, plan.steps(),
        new Operations(0, plan.scalarProducts(), plan.multiplications(), relins, plan.rescales(), constants,
            plan.operations()),
        new Sizes(input, CiphertextBatch.bytes(plan.inputCount(), input), output,
            CiphertextBatch.bytes(plan.outputCount(), output), 0),
        plan.report());
  }

  /** The latency document of {@code latency}: per image one input and one output ciphertext. */
  public static PlanDocument of(String model, String network, LatencyPlan latency) {
    EvaluationPlan plan = latency.plan();
    CkksParameters params = plan.parameters();
    long rescales = plan.steps().stream().filter(PlanStep::rescales).count();
    long dense = plan.steps().stream().filter(s -> s.kind() != PlanStep.Kind.SQUARE).count();
    long multiplications = latency.multiplications();
    Operations ops = new Operations(latency.rotations(), latency.plaintextProducts(), multiplications,
        multiplications, rescales, dense, latency.rotations() + latency.plaintextProducts() + 2 * multiplications
            + rescales + dense);
    long input = CkksSerializer.seededCiphertextBytes(params, plan.inputLevel());
    long output = CkksSerializer.ciphertextBytes(params, plan.outputLevel(), 2);
    int[] steps = latency.rotationSteps();
    return new PlanDocument(FORMAT, VERSION, model, network, ParameterSets.nameOf(params),
        ParameterSets.fingerprint(params.id()), LATENCY, plan.options(), plan.depth(), plan.inputLevel(),
        plan.inputScale(), plan.inputCount(), plan.outputCount(), plan.outputLevel(), plan.outputScale(),
        MAX_LATENCY_IMAGES, IntStream.of(steps).boxed().toList(), latency.inputPeriod(), 1, plan.steps(), ops,
        new Sizes(input, CiphertextBatch.bytes(1, input), output, CiphertextBatch.bytes(1, output),
            steps.length == 0 ? 0 : CkksSerializer.galoisKeysBytes(params, steps.length)),
        plan.report() + latency.report());
  }
}
