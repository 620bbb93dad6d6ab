package org.trustml.core.job.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.trustml.core.artifact.ArtifactRef;
import org.trustml.core.artifact.ArtifactStore;
import org.trustml.core.job.Job;
import org.trustml.core.job.JobEventStream;
import org.trustml.core.job.JobPage;
import org.trustml.core.job.JobService;
import org.trustml.core.job.JobState;
import org.trustml.core.job.JobSubmission;
import org.trustml.core.web.ArtifactDownloads;
import org.trustml.core.web.Headers;
import org.trustml.core.web.Tenants;
import tools.jackson.databind.JsonNode;

/** The jobs API, the same in every service under {@code /api/v1/<service>}. */
@RestController
@RequestMapping("/api/v1/${trustml.service.name}")
@Tag(name = "jobs")
public class JobController {

  private final JobService jobs;
  private final JobEventStream events;
  private final ArtifactStore artifacts;

  JobController(JobService jobs, JobEventStream events, ArtifactStore artifacts) {
    this.jobs = jobs;
    this.events = events;
    this.artifacts = artifacts;
  }

  @PostMapping("/jobs")
  @Operation(operationId = "submitJob", summary = "Submit a job", description = "Validates the parameters and queues the job. The same "
      + "Idempotency-Key with the same body returns the same job; with another body it is a 422.")
  ResponseEntity<Job> submit(@Valid @RequestBody JobSubmission submission,
      @Parameter(description = "client-chosen key making retries safe")
      @RequestHeader(name = Headers.IDEMPOTENCY_KEY, required = false) String idempotencyKey,
      HttpServletRequest request) {
    String owner = Tenants.of(request);
    JobService.Submitted s = jobs.submit(owner, submission, idempotencyKey);
    Job job = jobs.get(owner, s.id());
    ResponseEntity.BodyBuilder response = ResponseEntity.accepted().location(URI.create(
        request.getRequestURI().replaceAll("/+$", "") + "/" + s.id()));
    if (s.replayed()) {
      response.header(Headers.IDEMPOTENT_REPLAYED, "true");
    }
    return response.body(job);
  }

  @GetMapping("/jobs")
  @Operation(operationId = "listJobs", summary = "List jobs, newest first")
  JobPage list(@RequestParam(required = false) JobState state, @RequestParam(required = false) String type,
      @RequestParam(defaultValue = "50") int pageSize, @RequestParam(required = false) String pageToken,
      HttpServletRequest request) {
    return jobs.list(Tenants.of(request), state, type, pageSize, pageToken);
  }

  @GetMapping("/job-types")
  @Operation(operationId = "listJobTypes", summary = "The job types this service runs")
  Set<String> types() {
    return jobs.types();
  }

  @GetMapping("/jobs/{id}")
  @Operation(operationId = "getJob", summary = "Get a job with its progress, state history and artifacts")
  Job get(@PathVariable UUID id, HttpServletRequest request) {
    return jobs.get(Tenants.of(request), id);
  }

  @PostMapping("/jobs/{id}/cancel")
  @Operation(operationId = "cancelJob", summary = "Cancel a job", description = "A queued job is cancelled at once; a running one becomes "
      + "CANCELLING and then CANCELLED when its worker has stopped.")
  ResponseEntity<Map<String, Object>> cancel(@PathVariable UUID id, HttpServletRequest request) {
    JobState state = jobs.cancel(Tenants.of(request), id);
    return ResponseEntity.accepted().body(Map.of("id", id, "state", state));
  }

  @GetMapping("/jobs/{id}/result")
  @Operation(operationId = "getJobResult", summary = "The result of a job that succeeded, with seed, parameters, versions and timings")
  JsonNode result(@PathVariable UUID id, HttpServletRequest request) {
    return jobs.result(Tenants.of(request), id);
  }

  @GetMapping("/jobs/{id}/artifacts")
  @Operation(operationId = "listJobArtifacts", summary = "The artifacts a job produced")
  List<ArtifactRef> artifacts(@PathVariable UUID id, HttpServletRequest request) {
    return jobs.get(Tenants.of(request), id).artifacts();
  }

  @GetMapping("/jobs/{id}/artifacts/{name}")
  @Operation(operationId = "downloadJobArtifact", summary = "Download one artifact of a job (streamed)")
  ResponseEntity<InputStreamResource> download(@PathVariable UUID id, @PathVariable String name,
      HttpServletRequest request) throws java.io.IOException {
    ArtifactRef ref = jobs.artifact(Tenants.of(request), id, name);
    return ArtifactDownloads.of(artifacts, ref, ref.name());
  }

  @GetMapping(value = "/jobs/{id}/logs", produces = MediaType.TEXT_PLAIN_VALUE)
  @Operation(operationId = "getJobLogs", summary = "The job's log lines")
  String logs(@PathVariable UUID id, HttpServletRequest request) {
    List<String> lines = jobs.logs(Tenants.of(request), id);
    return lines.isEmpty() ? "" : String.join("\n", lines) + "\n";
  }

  @GetMapping(value = "/jobs/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  @Operation(operationId = "streamJobEvents", summary = "Server-sent events of state and progress until the job ends",
      responses = @ApiResponse(responseCode = "200", description = "events named progress and done, data a JSON "
          + "object with id, state, progress and attempt", content = @Content(
          mediaType = MediaType.TEXT_EVENT_STREAM_VALUE, schema = @Schema(type = "string"))))
  SseEmitter events(@PathVariable UUID id, HttpServletRequest request) {
    String owner = Tenants.of(request);
    jobs.get(owner, id);
    return events.watch(owner, id, 30 * 60 * 1000L);
  }
}
