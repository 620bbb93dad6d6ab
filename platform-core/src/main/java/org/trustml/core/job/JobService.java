package org.trustml.core.job;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.trustml.core.artifact.ArtifactRef;
import org.trustml.core.artifact.ArtifactStore;
import org.trustml.core.catalog.CatalogClient;
import org.trustml.core.json.CanonicalJson;
import org.trustml.core.metrics.JobMetrics;
import org.trustml.core.web.ProblemException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Submitting, reading and cancelling the jobs of one service. Parameters are checked completely before a job is
 * queued: a bad request is a 400 that names the field, and nothing is written.
 */
public class JobService {

  private static final SecureRandom SEEDS = new SecureRandom();
  static final int MAX_PRIORITY = 100;

  private final JobRepository repository;
  private final JobHandlerRegistry handlers;
  private final JsonMapper json;
  private final Validator validator;
  private final JobMetrics metrics;
  private final int maxAttempts;
  private final Runnable onSubmitted;
  private final CatalogClient catalog;
  private final ArtifactStore artifacts;

  public JobService(JobRepository repository, JobHandlerRegistry handlers, JsonMapper json, Validator validator,
      JobMetrics metrics, int maxAttempts, Runnable onSubmitted, CatalogClient catalog, ArtifactStore artifacts) {
    this.repository = repository;
    this.handlers = handlers;
    this.json = json;
    this.validator = validator;
    this.metrics = metrics;
    this.maxAttempts = maxAttempts;
    this.onSubmitted = onSubmitted;
    this.catalog = catalog;
    this.artifacts = artifacts;
  }

  /** @param replayed true when the idempotency key named a job created earlier by the same request */
  public record Submitted(UUID id, boolean replayed) {}

  public Submitted submit(String owner, JobSubmission submission, String idempotencyKey) {
    JobHandler<?> handler = handlers.find(submission.type()).orElseThrow(() -> {
      metrics.submitted(String.valueOf(submission.type()), "rejected");
      return ProblemException.badRequest("unknown-job-type",
              "this service has no job type '" + submission.type() + "'; it has " + handlers.types())
          .with("field", "type");
    });
    if (submission.priority() != null && Math.abs(submission.priority()) > MAX_PRIORITY) {
      // the queue is shared by every tenant: priorities order one's own work, they must not starve others
      throw ProblemException.badRequest("invalid-priority", "priority must be between -" + MAX_PRIORITY + " and "
          + MAX_PRIORITY + ", was " + submission.priority()).with("field", "priority");
    }
    if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 255)) {
      throw ProblemException.badRequest("invalid-idempotency-key", "Idempotency-Key must be 1 to 255 characters");
    }
    JsonNode params;
    try {
      params = checkedParams(handler, submission.params(), owner);
    } catch (ProblemException e) {
      metrics.submitted(handler.type(), "rejected");
      throw e;
    }
    String requestHash = CanonicalJson.sha256(CanonicalJson.write(json, json.valueToTree(submission)));
    long seed = submission.seed() != null ? submission.seed() : SEEDS.nextLong() >>> 1;
    UUID id = UUID.randomUUID();
    boolean created = repository.insert(new JobRepository.NewJob(id, handler.type(), owner,
        CanonicalJson.write(json, params), seed, submission.priority() == null ? 0 : submission.priority(),
        requestHash, idempotencyKey, maxAttempts));
    if (created) {
      metrics.submitted(handler.type(), "created");
      onSubmitted.run();
      return new Submitted(id, false);
    }
    JobRepository.KeyedJob existing = repository.findByIdempotencyKey(owner, idempotencyKey).orElseThrow(
        () -> new IllegalStateException("idempotency conflict without a job"));
    if (!existing.requestHash().equals(requestHash)) {
      metrics.submitted(handler.type(), "rejected");
      throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reuse",
          "Idempotency-Key '" + idempotencyKey + "' was used for a different request")
          .with("jobId", existing.id().toString());
    }
    metrics.submitted(handler.type(), "replayed");
    return new Submitted(existing.id(), true);
  }

  /** Reads the parameters into the handler's type, validates them, and returns them with defaults filled in. */
  private <P> JsonNode checkedParams(JobHandler<P> handler, JsonNode raw, String owner) {
    JsonNode node = raw == null || raw.isNull() ? JsonNodeFactory.instance.objectNode() : raw;
    if (!node.isObject()) {
      throw ProblemException.badRequest("invalid-params", "params must be a JSON object").with("field", "params");
    }
    P params;
    try {
      params = JobParams.reader(json, handler.paramsType()).readValue(node);
    } catch (JacksonException e) {
      throw ProblemException.badRequest("invalid-params", "params: " + e.getOriginalMessage())
          .with("field", "params" + pathOf(e));
    }
    Set<ConstraintViolation<P>> violations = validator.validate(params);
    if (!violations.isEmpty()) {
      List<Map<String, String>> errors = new ArrayList<>();
      violations.stream().sorted(Comparator.comparing(v -> v.getPropertyPath().toString())).forEach(v -> {
        Map<String, String> e = new LinkedHashMap<>();
        e.put("field", "params." + v.getPropertyPath());
        e.put("message", v.getMessage());
        errors.add(e);
      });
      throw ProblemException.badRequest("invalid-params",
          errors.get(0).get("field") + " " + errors.get(0).get("message")
              + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : ""))
          .with("field", errors.get(0).get("field")).with("errors", errors);
    }
    handler.validate(params, SubmissionContext.of(owner, catalog, artifacts));
    return json.valueToTree(params);
  }

  private static String pathOf(JacksonException e) {
    StringBuilder sb = new StringBuilder();
    for (JacksonException.Reference ref : e.getPath()) {
      if (ref.getPropertyName() != null) {
        sb.append('.').append(ref.getPropertyName());
      } else if (ref.getIndex() >= 0) {
        sb.append('[').append(ref.getIndex()).append(']');
      }
    }
    return sb.toString();
  }

  public Job get(String owner, UUID id) {
    return repository.find(id, owner).orElseThrow(() -> ProblemException.notFound("job", id.toString()));
  }

  public JobPage list(String owner, JobState state, String type, int pageSize, String pageToken) {
    if (pageSize < 1 || pageSize > 500) {
      throw ProblemException.badRequest("invalid-page-size", "pageSize must be between 1 and 500, was " + pageSize)
          .with("field", "pageSize");
    }
    OffsetDateTime beforeCreated = null;
    UUID beforeId = null;
    if (pageToken != null && !pageToken.isBlank()) {
      try {
        String[] parts = new String(Base64.getUrlDecoder().decode(pageToken), StandardCharsets.UTF_8).split("\\|");
        beforeCreated = OffsetDateTime.parse(parts[0]);
        beforeId = UUID.fromString(parts[1]);
      } catch (RuntimeException e) {
        throw ProblemException.badRequest("invalid-page-token", "pageToken is not one this API issued")
            .with("field", "pageToken");
      }
    }
    List<Job> jobs = repository.list(owner, state, type, beforeCreated, beforeId, pageSize + 1);
    String next = null;
    if (jobs.size() > pageSize) {
      jobs = jobs.subList(0, pageSize);
      Job last = jobs.get(pageSize - 1);
      next = Base64.getUrlEncoder().withoutPadding()
          .encodeToString((last.createdAt() + "|" + last.id()).getBytes(StandardCharsets.UTF_8));
    }
    return new JobPage(List.copyOf(jobs), next);
  }

  /** Cancels a queued or running job; cancelling a cancelled one again is harmless, an ended one is a 409. */
  public JobState cancel(String owner, UUID id) {
    JobState state = repository.requestCancel(id, owner)
        .orElseThrow(() -> ProblemException.notFound("job", id.toString()));
    if (state == JobState.SUCCEEDED || state == JobState.FAILED) {
      throw new ProblemException(HttpStatus.CONFLICT, "job-ended", "job " + id + " already ended " + state)
          .with("state", state);
    }
    return state;
  }

  /** The result summary of a job that succeeded; 409 while it has not. */
  public JsonNode result(String owner, UUID id) {
    Job job = get(owner, id);
    if (job.state() != JobState.SUCCEEDED) {
      throw new ProblemException(HttpStatus.CONFLICT, "job-not-succeeded",
          "job " + id + " is " + job.state() + "; a result exists only once it SUCCEEDED").with("state", job.state());
    }
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    out.put("jobId", id.toString());
    out.set("result", job.result());
    out.set("artifacts", json.valueToTree(job.artifacts()));
    out.put("seed", job.seed());
    out.set("params", job.params());
    out.set("versions", job.versions());
    out.set("timings", job.timings());
    return out;
  }

  public ArtifactRef artifact(String owner, UUID id, String name) {
    Job job = get(owner, id);
    return job.artifacts().stream().filter(a -> a.name().equals(name)).findFirst()
        .orElseThrow(() -> ProblemException.notFound("artifact", name));
  }

  public List<String> logs(String owner, UUID id) {
    get(owner, id);
    return repository.logs(id);
  }

  public Set<String> types() {
    return handlers.types();
  }
}
