package org.trustml.fhe.job;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Component;
import org.trustml.core.job.JobContext;
import org.trustml.core.job.JobHandler;
import org.trustml.core.job.SubmissionContext;
import org.trustml.core.web.ProblemException;
import org.trustml.fhe.model.PolyNetwork;
import org.trustml.fhe.plan.EvaluationPlan;
import org.trustml.fhe.plan.LatencyPlan;
import org.trustml.fhe.plan.ParameterSets;
import org.trustml.fhe.plan.PlanCompiler;
import org.trustml.fhe.plan.PlanOptions;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code fhe.compile}: a catalog {@code trustml-poly-network} model, a packing and a parameter set become an
 * evaluation plan (level and scale of every step, rounded weights, operation counts and sizes). The plan's id is the
 * job's id. Everything that can fail — the model, the packing, a parameter set too small, a step that would overflow
 * — is checked before the job is queued.
 */
@Component
public class CompileJob implements JobHandler<CompileJob.Params> {

  /** The job type. */
  public static final String TYPE = "fhe.compile";
  /** Let the compiler pick the smallest set that fits the depth. */
  public static final String AUTO = "auto";

  /**
   * @param model          catalog id of a {@code trustml-poly-network} model
   * @param packing        {@code throughput} (default: one ciphertext per feature, one image per slot) or
   *                       {@code latency} (one image per ciphertext; the client makes Galois keys for the plan's
   *                       rotation steps)
   * @param parameterSet   {@code auto} (default), or one of the supported sets
   * @param inputLogScale  log2 of the input scale (default 35)
   * @param valueBits      log2 of a bound on every intermediate value (default 12)
   * @param minLogScale    smallest log2 scale a step may run at (default 20)
   * @param maxFactorBits  at most this many bits for the last layer's rounded weights (default 30)
   */
  public record Params(@NotBlank String model, String packing, String parameterSet,
      @Min(10) @Max(60) Integer inputLogScale, @Min(0) @Max(30) Integer valueBits, @Min(1) @Max(60) Integer minLogScale,
      @Min(PlanOptions.MIN_FACTOR_BITS) @Max(40) Integer maxFactorBits) {

    /** Fills the defaults, so that the job records what it ran with. */
    public Params {
      PlanOptions d = PlanOptions.defaults();
      packing = packing == null ? PlanDocument.THROUGHPUT : packing;
      parameterSet = parameterSet == null ? AUTO : parameterSet;
      inputLogScale = inputLogScale == null ? d.inputLogScale() : inputLogScale;
      valueBits = valueBits == null ? d.valueBits() : valueBits;
      minLogScale = minLogScale == null ? d.minLogScale() : minLogScale;
      maxFactorBits = maxFactorBits == null ? d.maxFactorBits() : maxFactorBits;
    }

    /** The compiler options these parameters give. */
    public PlanOptions options() {
      return new PlanOptions(inputLogScale, valueBits, minLogScale, maxFactorBits);
    }
  }

  private final NetworkSource networks;
  private final JsonMapper json;

  CompileJob(NetworkSource networks, JsonMapper json) {
    this.networks = networks;
    this.json = json;
  }

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public Class<Params> paramsType() {
    return Params.class;
  }

  @Override
  public void validate(Params p, SubmissionContext submission) {
    String owner = submission.owner();
    document(p, networks.load(owner, p.model(), "params.model"), "params.");
  }

  @Override
  public Object run(Params p, JobContext ctx) {
    ctx.progress(0.1, "reading model " + p.model());
    NetworkSource.Loaded network = networks.load(ctx.owner(), p.model(), "params.model");
    ctx.progress(0.4, "compiling");
    PlanDocument doc = document(p, network, "params.");
    ctx.checkCancelled();
    ctx.writeArtifact("network.json", "application/json", ctx.artifacts().readAllBytes(network.sha256()));
    ctx.writeArtifact(StoredPlans.PLAN_ARTIFACT, "application/json", json.writeValueAsBytes(doc));
    ctx.writeArtifact("plan.txt", "text/plain", doc.report().getBytes(StandardCharsets.UTF_8));
    ctx.log("compiled " + doc.parameterSet() + ", depth " + doc.depth() + ", " + doc.operations().total()
        + (doc.usesLatencyPacking() ? " operations per image, " + doc.rotationSteps().size() + " rotation steps"
            : " operations per batch of " + doc.batchSize()));
    return new Summary(ctx.jobId().toString(), doc.parameterSet(), doc.parameterId(), doc.packing(), doc.depth(),
        doc.inputLevel(), doc.inputScale(), doc.inputCount(), doc.outputCount(), doc.outputLevel(), doc.batchSize(),
        doc.rotationSteps(), doc.inputPeriod(), doc.ciphertextsPerImage(), doc.operations(), doc.sizes());
  }

  /** The result summary: the plan id and what a client needs to encrypt for it. */
  public record Summary(String plan, String parameterSet, String parameterId, String packing, int depth,
      int inputLevel, double inputScale, int inputCount, int outputCount, int outputLevel, int batchSize,
      java.util.List<Integer> rotationSteps, Integer inputPeriod, Integer ciphertextsPerImage,
      PlanDocument.Operations operations, PlanDocument.Sizes sizes) {}

  /** The plan document {@code p} asks for, laid out for its packing; every refusal as {@link #compile}. */
  public static PlanDocument document(Params p, NetworkSource.Loaded loaded, String prefix) {
    EvaluationPlan plan = compile(p, loaded, prefix);
    return PlanDocument.LATENCY.equals(p.packing())
        ? PlanDocument.of(loaded.model(), loaded.sha256(), latency(plan, loaded.model(), prefix))
        : PlanDocument.of(loaded.model(), loaded.sha256(), plan);
  }

  /**
   * The plan {@code p} asks for (its levels and scales, which both packings share); every reason it cannot be built
   * is a 400 naming the field ({@code prefix} + name).
   */
  public static EvaluationPlan compile(Params p, NetworkSource.Loaded loaded, String prefix) {
    if (!PlanDocument.THROUGHPUT.equals(p.packing()) && !PlanDocument.LATENCY.equals(p.packing())) {
      throw ProblemException.badRequest("unsupported-packing", "packing must be '" + PlanDocument.THROUGHPUT
          + "' (one ciphertext per feature, one image per slot) or '" + PlanDocument.LATENCY + "' (one image per "
          + "ciphertext), was '" + p.packing() + "'").with("field", prefix + "packing");
    }
    PolyNetwork network = loaded.network();
    int depth = PlanCompiler.depth(network);
    try {
      String set = AUTO.equals(p.parameterSet()) ? ParameterSets.chooseFor(depth) : p.parameterSet();
      if (!ParameterSets.names().contains(set)) {
        throw ProblemException.badRequest("unsupported-parameters", "parameterSet must be '" + AUTO + "' or one of "
            + ParameterSets.names() + ", was '" + set + "'").with("field", prefix + "parameterSet");
      }
      return PlanCompiler.compile(network, ParameterSets.byName(set), p.options());
    } catch (IllegalArgumentException e) {
      throw ProblemException.badRequest("plan-does-not-fit", "model '" + loaded.model() + "' (depth " + depth
          + "): " + e.getMessage()).with("field", prefix.isEmpty() ? "model" : prefix + "model");
    }
  }

  /** {@code plan} laid out one image per ciphertext; a 400 naming the packing if a layer is wider than the slots. */
  public static LatencyPlan latency(EvaluationPlan plan, String model, String prefix) {
    try {
      return LatencyPlan.of(plan);
    } catch (IllegalArgumentException e) {
      throw ProblemException.badRequest("plan-does-not-fit", "model '" + model + "' cannot use latency packing: "
          + e.getMessage()).with("field", prefix + "packing");
    }
  }
}
