package org.trustml.pruning.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import org.trustml.core.artifact.ArtifactRef;
import org.trustml.core.artifact.ArtifactStore;
import org.trustml.core.catalog.CatalogClient;
import org.trustml.core.catalog.ColumnInfo;
import org.trustml.core.catalog.DatasetDescriptor;
import org.trustml.core.catalog.Lineage;
import tools.jackson.databind.JsonNode;

/**
 * The pruning jobs API as the service's integration tests drive it: datasets put in the artifact store and answered
 * by the mocked catalog, jobs submitted with one seed, awaited, and their results and artifacts read back. Errors
 * come back as bodies (problem details), not exceptions.
 */
final class PruningJobsHttp {

  private final RestClient http;
  private final ArtifactStore store;
  private final CatalogClient catalog;
  private final String owner;
  private final long seed;

  PruningJobsHttp(int port, ArtifactStore store, CatalogClient catalog, String owner, long seed) {
    this.http = RestClient.builder().baseUrl("http://localhost:" + port + "/api/v1/pruning")
        .defaultStatusHandler(HttpStatusCode::isError, (req, res) -> {}).build();
    this.store = store;
    this.catalog = catalog;
    this.owner = owner;
    this.seed = seed;
  }

  /** The client on {@code /api/v1/pruning}. */
  RestClient client() {
    return http;
  }

  /** Stores an NPY array and lets the catalog describe it as dataset {@code id}. */
  void npy(String id, byte[] bytes, List<Integer> shape, String dtype) {
    ArtifactRef ref = store.putBytes(bytes, "application/x-npy", id + ".npy");
    int columns = shape.stream().skip(1).reduce(1, (a, b) -> a * b);
    given(catalog.dataset(eq(owner), eq(id))).willReturn(new DatasetDescriptor(id, owner, id, "npy", ref,
        shape.get(0), columns, List.of(), null, List.of(), shape, dtype, Lineage.upload(), OffsetDateTime.now()));
  }

  /** Stores a CSV table of {@code rows} records and lets the catalog describe it as dataset {@code id}. */
  void csv(String id, byte[] bytes, long rows, List<ColumnInfo> schema, String label) {
    ArtifactRef ref = store.putBytes(bytes, "text/csv", id + ".csv");
    given(catalog.dataset(eq(owner), eq(id))).willReturn(new DatasetDescriptor(id, owner, id, "csv", ref,
        rows, schema.size(), schema, label, List.of(), List.of(), null, Lineage.upload(), OffsetDateTime.now()));
  }

  /** Submits a job; the answer is the queued job or a problem detail. */
  JsonNode post(String type, String params) {
    return http.post().uri("/jobs").contentType(MediaType.APPLICATION_JSON)
        .body("{\"type\":\"" + type + "\",\"seed\":" + seed + ",\"params\":" + params + "}").retrieve()
        .body(JsonNode.class);
  }

  /** Submits a job that must be accepted and waits until it has succeeded or failed: the finished job. */
  JsonNode run(String type, String params) {
    JsonNode job = post(type, params);
    assertThat(job.has("id")).as(job.toString()).isTrue();
    String id = job.get("id").asString();
    await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(100)).until(() -> {
      String state = job(id).get("state").asString();
      return state.equals("SUCCEEDED") || state.equals("FAILED");
    });
    return job(id);
  }

  JsonNode job(String id) {
    return http.get().uri("/jobs/{id}", id).retrieve().body(JsonNode.class);
  }

  /** A job's result object. */
  JsonNode result(String id) {
    return http.get().uri("/jobs/{id}/result", id).retrieve().body(JsonNode.class).get("result");
  }

  byte[] artifact(String id, String name) {
    return http.get().uri("/jobs/{id}/artifacts/{name}", id, name).retrieve().body(byte[].class);
  }
}
