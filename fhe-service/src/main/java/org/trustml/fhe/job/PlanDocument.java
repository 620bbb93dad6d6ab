package org.trustml.fhe.job;

import java.util.List;
import org.trustml.fhe.ckks.CkksParameters;
import org.trustml.fhe.ckks.CkksSerializer;
import org.trustml.fhe.plan.EvaluationPlan;
import org.trustml.fhe.plan.ParameterSets;
import org.trustml.fhe.plan.PlanOptions;
import org.trustml.fhe.plan.PlanStep;

/**
 * The {@code plan.json} a compile job writes: everything a client needs to encrypt for the plan (parameter set, input
 * level and scale, inputs per batch) and to size it, and what the server needs to rebuild the plan exactly (the
 * network's digest, the parameter set, the options). The rounded weights are not stored: compiling is deterministic
 * and cheap, and the inference job checks that its rebuilt steps equal these.
 *
 * @param network      SHA-256 of the network's {@code trustml-poly-network} JSON in the artifact store
 * @param inputScale   exact scale of the input ciphertexts (encode at this, not at 2^round(log2))
 * @param sizes        serialized bytes, from {@link CkksSerializer}'s own size formulas
 */
public record PlanDocument(String format, int version, String model, String network, String parameterSet,
    String parameterId, String packing, PlanOptions options, int depth, int inputLevel, double inputScale,
    int inputCount, int outputCount, int outputLevel, double outputScale, int batchSize, List<Integer> rotationSteps,
    List<PlanStep> steps, Operations operations, Sizes sizes, String report) {

  /** The {@code format} field. */
  public static final String FORMAT = "trustml-fhe-plan";
  /** The version written and read. */
  public static final int VERSION = 1;
  /** The only packing implemented: one ciphertext per feature, one image per slot. */
  public static final String THROUGHPUT = "throughput";

  /** Ciphertext operations per batch. */
  public record Operations(long scalarProducts, long multiplications, long relinearizations, long rescales,
      long constantAdditions, long total) {}

  /**
   * Serialized sizes in bytes.
   *
   * @param inputCiphertext  one input as the client uploads it (a seeded symmetric encryption)
   * @param inputBatch       a whole batch of inputs in a {@code CiphertextBatch}
   * @param outputCiphertext one output (a full ciphertext at the output level)
   * @param outputBatch      the encrypted logits of a batch
   */
  public record Sizes(long inputCiphertext, long inputBatch, long outputCiphertext, long outputBatch) {}

  /** The document of {@code plan}, compiled from the catalog model {@code model} stored at {@code network}. */
  public static PlanDocument of(String model, String network, EvaluationPlan plan) {
    CkksParameters params = plan.parameters();
    long relins = plan.multiplications();
    long constants = plan.steps().stream().mapToLong(PlanStep::constantAdditions).sum();
    long input = CkksSerializer.seededCiphertextBytes(params, plan.inputLevel());
    long output = CkksSerializer.ciphertextBytes(params, plan.outputLevel(), 2);
    return new PlanDocument(FORMAT, VERSION, model, network, ParameterSets.nameOf(params),
        ParameterSets.fingerprint(params.id()), THROUGHPUT, plan.options(), plan.depth(), plan.inputLevel(),
        plan.inputScale(), plan.inputCount(), plan.outputCount(), plan.outputLevel(), plan.outputScale(),
        plan.batchSize(), List.of(), plan.steps(),
        new Operations(plan.scalarProducts(), plan.multiplications(), relins, plan.rescales(), constants,
            plan.operations()),
        new Sizes(input, org.trustml.fhe.ckks.CiphertextBatch.bytes(plan.inputCount(), input), output,
            org.trustml.fhe.ckks.CiphertextBatch.bytes(plan.outputCount(), output)),
        plan.report());
  }
}
