package org.trustml.fhe.plan;

import java.util.List;
import java.util.Locale;
import org.trustml.fhe.ckks.CkksParameters;
import org.trustml.fhe.model.PolyNetwork;

/**
 * A {@link PolyNetwork} compiled for throughput packing under one parameter set: ciphertext j holds feature j of up to
 * N/2 images, slot b being image b. Fixes the level and scale of the inputs and of every step, the rounded integer
 * weights, the depth, and the operation counts, before anything is encrypted. Built by {@link PlanCompiler}; run by
 * {@link PlanEvaluator}. Immutable.
 */
public final class EvaluationPlan {

  private final CkksParameters params;
  private final PolyNetwork network;
  private final PlanOptions options;
  private final List<PlanStep> steps;
  private final List<long[][]> factors; // per step: [output][input] rounded weights; null for a square

  EvaluationPlan(CkksParameters params, PolyNetwork network, PlanOptions options, List<PlanStep> steps,
      List<long[][]> factors) {
    this.params = params;
    this.network = network;
    this.options = options;
    this.steps = List.copyOf(steps);
    this.factors = factors;
  }

  /** The parameter set the plan was compiled for. */
  public CkksParameters parameters() {
    return params;
  }

  /** The network. */
  public PolyNetwork network() {
    return network;
  }

  /** The options it was compiled with. */
  public PlanOptions options() {
    return options;
  }

  /** The steps, one per layer. */
  public List<PlanStep> steps() {
    return steps;
  }

  long[][] factors(int step) {
    return factors.get(step);
  }

  /** Levels consumed: one per square and per dense layer but the last (whose output is only decrypted). */
  public int depth() {
    return steps.get(0).levelIn() - outputLevel();
  }

  /** The level the client encrypts inputs at: the depth, so that no prime is carried that would never be used. */
  public int inputLevel() {
    return steps.get(0).levelIn();
  }

  /** The scale the client encrypts inputs at. */
  public double inputScale() {
    return steps.get(0).scaleIn();
  }

  /** Input ciphertexts per batch: one per feature. */
  public int inputCount() {
    return network.inputSize();
  }

  /** Output ciphertexts per batch: one per logit. */
  public int outputCount() {
    return network.outputSize();
  }

  /** Level of the output ciphertexts. */
  public int outputLevel() {
    return steps.get(steps.size() - 1).levelOut();
  }

  /** Scale of the output ciphertexts. */
  public double outputScale() {
    return steps.get(steps.size() - 1).scaleOut();
  }

  /** Images per batch: N/2 slots. */
  public int batchSize() {
    return params.slots();
  }

  /** Ciphertext-by-integer products per batch. */
  public long scalarProducts() {
    return steps.stream().mapToLong(PlanStep::scalarProducts).sum();
  }

  /** Ciphertext multiplications (each relinearised) per batch. */
  public long multiplications() {
    return steps.stream().mapToLong(PlanStep::multiplications).sum();
  }

  /** Rescales per batch. */
  public long rescales() {
    return steps.stream().mapToLong(PlanStep::rescaleCount).sum();
  }

  /** All ciphertext operations per batch. */
  public long operations() {
    return steps.stream().mapToLong(PlanStep::operations).sum();
  }

  /** Bytes of one ciphertext at {@code level}: 2 polynomials of level + 1 residues of N 8-byte words, in memory. */
  public long ciphertextBytes(int level) {
    return 2L * (level + 1) * params.n() * 8;
  }

  /** A human-readable summary: parameters, depth, per-step levels and scales, operation counts. */
  public String report() {
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "%s; depth %d; %d inputs at level %d, scale 2^%.2f; batch %d images%n",
        params, depth(), inputCount(), inputLevel(), log2(inputScale()), batchSize()));
    for (PlanStep s : steps) {
      out.append(String.format(Locale.ROOT,
          "  %-6s %4d -> %4d  level %d -> %d  scale 2^%.2f -> 2^%.2f  headroom %.1f bits  products %d  mults %d%n",
          s.kind(), s.inputs(), s.outputs(), s.levelIn(), s.levelOut(), log2(s.scaleIn()), log2(s.scaleOut()),
          s.headroomBits(), s.scalarProducts(), s.multiplications()));
    }
    out.append(String.format(Locale.ROOT, "  total: %d scalar products, %d multiplications, %d rescales, %d ops%n",
        scalarProducts(), multiplications(), rescales(), operations()));
    return out.toString();
  }

  static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }
}
