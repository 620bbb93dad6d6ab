package org.trustml.fhe.job;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.springframework.stereotype.Component;
import org.trustml.core.artifact.ArtifactStore;
import org.trustml.core.job.JobCancelledException;
import org.trustml.core.job.JobContext;
import org.trustml.core.job.JobHandler;
import org.trustml.core.job.SubmissionContext;
import org.trustml.core.web.ProblemException;
import org.trustml.fhe.ckks.Ciphertext;
import org.trustml.fhe.ckks.CiphertextBatch;
import org.trustml.fhe.keys.EvaluationKeys;
import org.trustml.fhe.keys.KeySet;
import org.trustml.fhe.keys.KeySetRegistry;
import org.trustml.fhe.plan.PlanEvaluator;
import org.trustml.fhe.plan.PlanStep;

/**
 * {@code fhe.infer}: a plan, the tenant's key set and a batch of input ciphertexts (uploaded to
 * {@code /api/v1/fhe/ciphertexts}) become the batch's encrypted logits, artifact {@code logits.ckks}, which only the
 * client can decrypt. The server uses the relinearisation key (and, for a latency plan, the Galois keys) and nothing
 * that could decrypt. Key set, plan and every ciphertext (parameter set, count, level, scale, bytes) are checked
 * before the job is queued. A throughput plan's batch holds one ciphertext per feature; progress is reported per step
 * and ciphertext, and cancellation is honoured after every output ciphertext. A latency plan's batch holds one
 * ciphertext per image and the key set must have a Galois key for every rotation step of the plan; the images are
 * evaluated one after another, with progress per image and cancellation between images, into one logits ciphertext
 * per image.
 */
@Component
public class InferJob implements JobHandler<InferJob.Params> {

  /** The job type. */
  public static final String TYPE = "fhe.infer";
  /** The output artifact. */
  public static final String LOGITS = "logits.ckks";

  /**
   * @param plan     id of a succeeded {@code fhe.compile} job
   * @param keySet   id of the tenant's key set, under the plan's parameter set
   * @param inputs   SHA-256 of the uploaded input batch
   * @param images   throughput: images the client packed into the slots (for the per-image time; default: a full
   *                 batch); latency: the number of ciphertexts uploaded (the default; anything else is refused)
   * @param parallel compute a layer's ciphertexts on all cores (default true)
   */
  public record Params(@NotBlank String plan, @NotBlank String keySet,
      @NotBlank @Pattern(regexp = "[0-9a-f]{64}", message = "must be a SHA-256 in lower-case hex") String inputs,
      @Min(1) Integer images, Boolean parallel) {

    /** Fills the defaults. */
    public Params {
      parallel = parallel == null ? Boolean.TRUE : parallel;
    }
  }

  private final StoredPlans plans;
  private final KeySetRegistry keys;
  private final ArtifactStore store;

  InferJob(StoredPlans plans, KeySetRegistry keys, ArtifactStore store) {
    this.plans = plans;
    this.keys = keys;
    this.store = store;
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
    StoredPlans.Loaded plan = plans.load(owner, p.plan(), "params.plan");
    KeySet keySet = keys.find(owner, p.keySet());
    check(p, plan, keySet);
    Ciphertext[] inputs = EncryptedInputs.parse(inputs(p.inputs()), plan.document(), plan.plan().parameters(),
        "params.inputs");
    checkImages(p, plan, inputs.length);
  }

  @Override
  public Object run(Params p, JobContext ctx) {
    ctx.progress(0.01, "loading plan, keys and inputs");
    StoredPlans.Loaded plan = plans.load(ctx.owner(), p.plan(), "params.plan");
    EvaluationKeys evaluationKeys = keys.load(ctx.owner(), p.keySet());
    check(p, plan, evaluationKeys.keySet());
    Ciphertext[] inputs = EncryptedInputs.parse(inputs(p.inputs()), plan.document(), evaluationKeys.parameters(),
        "params.inputs");
    checkImages(p, plan, inputs.length);
    ctx.checkCancelled();
    long t0 = System.nanoTime();
    Ciphertext[] logits = plan.latency() != null
        ? LatencyInference.evaluate(plan.latency(), evaluationKeys, inputs, p.parallel(), ctx)
        : throughput(plan, evaluationKeys, inputs, p.parallel(), ctx);
    double seconds = (System.nanoTime() - t0) / 1e9;
    ctx.progress(0.97, "writing " + logits.length + " encrypted logits");
    byte[] out = CiphertextBatch.write(logits);
    ctx.writeArtifact(LOGITS, "application/vnd.trustml.ckks-batch", out);
    int images = plan.latency() != null ? inputs.length
        : p.images() == null ? plan.document().batchSize() : p.images();
    ctx.log(String.format(java.util.Locale.ROOT, "evaluated %d input ciphertexts (%s packing) to %d in %.3f s",
        inputs.length, plan.document().packing(), logits.length, seconds));
    return new Summary(p.plan(), p.keySet(), plan.document().parameterSet(), plan.document().packing(),
        inputs.length, logits.length, plan.plan().outputLevel(), plan.plan().outputScale(),
        plan.document().batchSize(), images, out.length, seconds, 1000 * seconds / images);
  }

  private static Ciphertext[] throughput(StoredPlans.Loaded plan, EvaluationKeys evaluationKeys, Ciphertext[] inputs,
      boolean parallel, JobContext ctx) {
    PlanEvaluator evaluator = new PlanEvaluator(plan.plan(), evaluationKeys.relinearizationKey(), parallel);
    List<PlanStep> steps = plan.plan().steps();
    long total = steps.stream().mapToLong(PlanStep::outputs).sum();
    long[] before = new long[steps.size()];
    for (int s = 1; s < steps.size(); s++) {
      before[s] = before[s - 1] + steps.get(s - 1).outputs();
    }
    try {
      return evaluator.evaluate(inputs, (s, done) -> {
        ctx.checkCancelled();
        PlanStep step = steps.get(s);
        int every = Math.max(1, step.outputs() / 10);
        if (done % every == 0 || done == step.outputs()) {
          synchronized (ctx) {
            ctx.progress(0.05 + 0.9 * (before[s] + done) / total, String.format("step %d/%d %s: %d/%d ciphertexts",
                s + 1, steps.size(), step.kind().name().toLowerCase(java.util.Locale.ROOT), done, step.outputs()));
          }
        }
      });
    } catch (RuntimeException e) {
      // a cancellation thrown on a pool thread may arrive wrapped or re-created
      if (ctx.cancellationRequested()) {
        throw new JobCancelledException("job " + ctx.jobId() + " was cancelled during evaluation");
      }
      throw e;
    }
  }

  /**
   * The result summary.
   *
   * @param outputLevel    level of the logit ciphertexts
   * @param outputScale    their exact scale (decode divides by it)
   * @param packing        the plan's packing
   * @param inputs         input ciphertexts (throughput: one per feature; latency: one per image)
   * @param outputs        logit ciphertexts (throughput: one per class; latency: one per image)
   * @param slots          images one batch can carry (latency: one request)
   * @param images         images the client said it packed
   * @param perImageMillis evaluation time divided by {@code images}, measured on this worker
   */
  public record Summary(String plan, String keySet, String parameterSet, String packing, int inputs, int outputs,
      int outputLevel, double outputScale, int slots, int images, long outputBytes, double evaluationSeconds, double perImageMillis) {}

  private static void check(Params p, StoredPlans.Loaded plan, KeySet keySet) {
    if (!keySet.parameterSet().equals(plan.document().parameterSet())) {
      throw ProblemException.badRequest("mismatched-parameters", "key set " + keySet.id() + " belongs to "
          + "parameter set " + keySet.parameterSet() + " (" + keySet.parameterId() + "), plan " + plan.id()
          + " to " + plan.document().parameterSet() + " (" + plan.document().parameterId() + ")")
          .with("field", "params.keySet");
    }
    if (p.images() != null && p.images() > plan.document().batchSize()) {
      throw ProblemException.badRequest("invalid-params", "params.images must be at most the plan's batch size "
          + plan.document().batchSize() + ", was " + p.images()).with("field", "params.images");
    }
    if (plan.latency() != null) {
      List<Integer> have = keySet.galoisKeys() == null ? List.of() : keySet.galoisKeys().rotationSteps();
      List<Integer> missing = plan.document().rotationSteps().stream().filter(s -> !have.contains(s)).toList();
      if (!missing.isEmpty()) {
        throw ProblemException.badRequest("missing-rotations", "key set " + keySet.id() + " has no Galois keys for "
            + "rotation steps " + missing + "; latency plan " + plan.id() + " needs " + plan.document().rotationSteps()
            + " (make the keys with the plan's rotationSteps)").with("field", "params.keySet")
            .with("missing", missing);
      }
    }
  }

  private static void checkImages(Params p, StoredPlans.Loaded plan, int ciphertexts) {
    if (plan.latency() != null && p.images() != null && p.images() != ciphertexts) {
      throw ProblemException.badRequest("invalid-params", "params.images is " + p.images() + ", but the batch holds "
          + ciphertexts + " ciphertexts: a latency plan takes one per image").with("field", "params.images");
    }
  }

  private byte[] inputs(String sha256) {
    try {
      if (!store.exists(sha256)) {
        throw ProblemException.badRequest("unknown-inputs", "params.inputs: no uploaded batch has SHA-256 " + sha256
            + "; upload it to /api/v1/fhe/ciphertexts first").with("field", "params.inputs");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return store.readAllBytes(sha256);
  }
}
