package org.trustml.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Set;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;
import org.trustml.core.web.Headers;
import tools.jackson.databind.JsonNode;

/**
 * A service's jobs API as its integration tests drive it: jobs submitted with one seed, awaited until they end, and
 * their results and artifacts read back. Error statuses come back as bodies (problem details), not exceptions.
 */
public final class JobsHttp {

  private static final Set<String> ENDED = Set.of("SUCCEEDED", "FAILED", "CANCELLED");

  private final RestClient http;
  private final long seed;
  private final Duration timeout;

  /**
   * @param port    the service's port
   * @param prefix  its API prefix, e.g. {@code /api/v1/pruning}
   * @param tenant  the tenant header sent with every request, or null for none (the anonymous owner)
   * @param seed    the seed every submitted job carries
   * @param timeout how long {@link #awaitEnd} waits
   */
  public JobsHttp(int port, String prefix, String tenant, long seed, Duration timeout) {
    RestClient.Builder builder = RestClient.builder().baseUrl("http://localhost:" + port + prefix)
        .defaultStatusHandler(HttpStatusCode::isError, (req, res) -> {});
    if (tenant != null) {
      builder.defaultHeader(Headers.TENANT, tenant);
    }
    this.http = builder.build();
    this.seed = seed;
    this.timeout = timeout;
  }

  /** The client on the API prefix, for the service's own endpoints. */
  public RestClient client() {
    return http;
  }

  /** Submits a job: the answer with its status (202 and the queued job, or a problem detail). */
  public ResponseEntity<JsonNode> submit(String type, String params) {
    return http.post().uri("/jobs").contentType(MediaType.APPLICATION_JSON)
        .body("{\"type\":\"" + type + "\",\"seed\":" + seed + ",\"params\":" + params + "}").retrieve()
        .toEntity(JsonNode.class);
  }

  /** Submits a job; the body of the answer: the queued job or a problem detail. */
  public JsonNode post(String type, String params) {
    return submit(type, params).getBody();
  }

  /** Submits a job that must be accepted: its id. */
  public String accepted(String type, String params) {
    JsonNode job = post(type, params);
    assertThat(job.has("id")).as(job.toString()).isTrue();
    return job.get("id").asString();
  }

  /** Submits a job that must be accepted and waits until it has ended: the ended job. */
  public JsonNode run(String type, String params) {
    return awaitEnd(accepted(type, params));
  }

  /** Waits until the job has succeeded, failed or been cancelled: the ended job. */
  public JsonNode awaitEnd(String id) {
    await().atMost(timeout).pollInterval(Duration.ofMillis(100))
        .until(() -> ENDED.contains(job(id).get("state").asString()));
    return job(id);
  }

  public JsonNode job(String id) {
    return http.get().uri("/jobs/{id}", id).retrieve().body(JsonNode.class);
  }

  /** The result object of a job that must have succeeded. */
  public JsonNode result(JsonNode job) {
    assertThat(job.get("state").asString()).as(job.toString()).isEqualTo("SUCCEEDED");
    return result(job.get("id").asString());
  }

  /** A job's result object. */
  public JsonNode result(String id) {
    return http.get().uri("/jobs/{id}/result", id).retrieve().body(JsonNode.class).get("result");
  }

  public byte[] artifact(String id, String name) {
    return http.get().uri("/jobs/{id}/artifacts/{name}", id, name).retrieve().body(byte[].class);
  }
}
