package org.trustml.fhe.job;

import java.util.Arrays;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.trustml.core.artifact.ArtifactRef;
import org.trustml.core.artifact.ArtifactStore;
import org.trustml.core.job.Job;
import org.trustml.core.job.JobRepository;
import org.trustml.core.job.JobState;
import org.trustml.core.web.ProblemException;
import org.trustml.fhe.plan.EvaluationPlan;
import org.trustml.fhe.plan.LatencyPlan;
import org.trustml.fhe.plan.ParameterSets;
import org.trustml.fhe.plan.PlanCompiler;
import tools.jackson.databind.json.JsonMapper;

/**
 * Plans are the {@code plan.json} outputs of succeeded {@code fhe.compile} jobs, named by the job's id: the job's
 * owner check is the plan's, and only a finished attempt's artifacts count. Loading rebuilds the
 * {@link EvaluationPlan} from the stored network and checks it against the document.
 */
@Component
public class StoredPlans {

  /** The compile job's artifact that holds the plan. */
  public static final String PLAN_ARTIFACT = "plan.json";

  private final JobRepository jobs;
  private final ArtifactStore store;
  private final NetworkSource networks;
  private final JsonMapper json;

  StoredPlans(JobRepository jobs, ArtifactStore store, NetworkSource networks, JsonMapper json) {
    this.jobs = jobs;
    this.store = store;
    this.networks = networks;
    this.json = json;
  }

  /** A stored plan, rebuilt; {@code latency} is its layout when it is latency-packed, null otherwise. */
  public record Loaded(String id, PlanDocument document, EvaluationPlan plan, LatencyPlan latency) {}

  /**
   * The owner's plan {@code id}: 404 if there is no such compile job for the owner, 400 naming {@code field} if the
   * job has not succeeded.
   */
  public Loaded load(String owner, String id, String field) {
    UUID jobId;
    try {
      jobId = UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw ProblemException.badRequest("invalid-params", field + " must be the id of an fhe.compile job, was '"
          + id + "'").with("field", field);
    }
    Job job = jobs.find(jobId, owner).filter(j -> j.type().equals(CompileJob.TYPE))
        .orElseThrow(() -> ProblemException.notFound("plan", id));
    if (job.state() != JobState.SUCCEEDED) {
      throw ProblemException.badRequest("plan-not-ready", "plan " + id + " is a compile job that is "
          + job.state() + "; use it once it SUCCEEDED").with("field", field);
    }
    ArtifactRef ref = job.artifacts().stream().filter(a -> a.name().equals(PLAN_ARTIFACT)).findFirst()
        .orElseThrow(() -> new IllegalStateException("compile job " + id + " succeeded without " + PLAN_ARTIFACT));
    PlanDocument doc = json.readValue(store.readAllBytes(ref.sha256()), PlanDocument.class);
    NetworkSource.Loaded network = networks.read(doc.model(), doc.network(), field);
    EvaluationPlan plan = PlanCompiler.compile(network.network(), ParameterSets.byName(doc.parameterSet()),
        doc.options());
    if (!plan.steps().equals(doc.steps())) {
      throw new IllegalStateException("plan " + id + " rebuilt to other steps than were stored; the compiler "
          + "changed since it was compiled: compile the model again");
    }
    LatencyPlan latency = null;
    if (doc.usesLatencyPacking()) {
      latency = LatencyPlan.of(plan);
      if (!Arrays.equals(latency.rotationSteps(), doc.rotationSteps().stream().mapToInt(Integer::intValue).toArray())
          || latency.inputPeriod() != doc.inputPeriod()) {
        throw new IllegalStateException("plan " + id + " rebuilt to another latency layout than was stored; "
            + "compile the model again");
      }
    }
    return new Loaded(id, doc, plan, latency);
  }
}
