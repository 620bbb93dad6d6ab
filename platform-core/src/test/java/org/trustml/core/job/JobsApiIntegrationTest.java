package org.trustml.core.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;
import org.trustml.core.testing.ServiceTestProperties;
import org.trustml.core.testing.app.TestServiceApplication;
import tools.jackson.databind.JsonNode;

/** The jobs API of a service, end to end over HTTP against a real PostgreSQL. */
@SpringBootTest(classes = TestServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class JobsApiIntegrationTest {

  @TempDir static Path artifacts;

  @DynamicPropertySource
  static void props(DynamicPropertyRegistry r) {
    ServiceTestProperties.register(r, artifacts);
    r.add("trustml.service.name", () -> "demo");
    r.add("trustml.worker.threads", () -> 2);
    r.add("trustml.worker.heartbeat", () -> "500ms");
    r.add("trustml.worker.lease", () -> "5s");
  }

  @LocalServerPort int port;
  RestClient http;

  @BeforeEach
  void client() {
    http = RestClient.builder().baseUrl("http://localhost:" + port + "/api/v1/demo")
        .defaultStatusHandler(HttpStatusCode::isError, (req, res) -> {})
        .build();
  }

  private ResponseEntity<JsonNode> submit(String body, String key) {
    var spec = http.post().uri("/jobs").contentType(MediaType.APPLICATION_JSON).body(body);
    if (key != null) {
      spec = spec.header("Idempotency-Key", key);
    }
    return spec.retrieve().toEntity(JsonNode.class);
  }

  private JsonNode job(String id) {
    return http.get().uri("/jobs/{id}", id).retrieve().body(JsonNode.class);
  }

  private JsonNode awaitState(String id, String state) {
    await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
        .until(() -> job(id).get("state").asString().equals(state));
    return job(id);
  }

  @Test
  void aJobRunsToCompletionWithProgressResultArtifactsLogsAndProvenance() {
    ResponseEntity<JsonNode> r = submit("{\"type\":\"test.sleep\",\"seed\":7,\"params\":"
        + "{\"steps\":5,\"stepMillis\":20,\"message\":\"hello\"}}", null);
    assertThat(r.getStatusCode().value()).as(String.valueOf(r.getBody())).isEqualTo(202);
    String id = r.getBody().get("id").asString();
    assertThat(r.getHeaders().getLocation().getPath()).isEqualTo("/api/v1/demo/jobs/" + id);

    JsonNode done = awaitState(id, "SUCCEEDED");
    assertThat(done.get("progress").get("fraction").asDouble()).isEqualTo(1.0);
    assertThat(done.get("attempt").asInt()).isEqualTo(1);
    assertThat(done.get("seed").asLong()).isEqualTo(7);
    assertThat(done.get("versions").get("handler").asString()).endsWith("SleepJob");
    assertThat(done.get("versions").get("java").asString()).isNotBlank();
    assertThat(done.get("timings").has("runMs")).isTrue();
    List<String> states = new ArrayList<>();
    done.get("history").forEach(e -> states.add(e.get("state").asString()));
    assertThat(states).containsExactly("QUEUED", "RUNNING", "SUCCEEDED");

    JsonNode result = http.get().uri("/jobs/{id}/result", id).retrieve().body(JsonNode.class);
    assertThat(result.get("result").get("steps").asInt()).isEqualTo(5);
    assertThat(result.get("params").get("stepMillis").asLong()).isEqualTo(20);

    JsonNode artifactList = http.get().uri("/jobs/{id}/artifacts", id).retrieve().body(JsonNode.class);
    assertThat(artifactList).hasSize(1);
    String text = http.get().uri("/jobs/{id}/artifacts/output.txt", id).retrieve().body(String.class);
    assertThat(text).isEqualTo("hello seed=7");

    String logs = http.get().uri("/jobs/{id}/logs", id).retrieve().body(String.class);
    assertThat(logs).contains("sleeping 5 steps");
  }

  @Test
  void theSameIdempotencyKeyReturnsTheSameJobAndAnotherBodyIs422() {
    String key = UUID.randomUUID().toString();
    String body = "{\"type\":\"test.sleep\",\"params\":{\"steps\":1}}";
    ResponseEntity<JsonNode> first = submit(body, key);
    ResponseEntity<JsonNode> again = submit(body, key);
    assertThat(again.getStatusCode().value()).isEqualTo(202);
    assertThat(again.getBody().get("id")).isEqualTo(first.getBody().get("id"));
    assertThat(again.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");

    ResponseEntity<JsonNode> other = submit("{\"type\":\"test.sleep\",\"params\":{\"steps\":2}}", key);
    assertThat(other.getStatusCode().value()).isEqualTo(422);
    assertThat(other.getHeaders().getContentType().toString()).contains("application/problem+json");
    assertThat(other.getBody().get("type").asString()).isEqualTo("urn:trustml:problem:idempotency-key-reuse");
  }

  @Test
  void badParametersAreA400ThatNamesTheFieldAndQueueNothing() {
    int before = http.get().uri("/jobs?pageSize=500").retrieve().body(JsonNode.class).get("jobs").size();
    JsonNode missing = submit("{\"type\":\"test.sleep\",\"params\":{}}", null).getBody();
    assertThat(missing.get("status").asInt()).isEqualTo(400);
    assertThat(missing.get("field").asString()).isEqualTo("params.steps");

    JsonNode unknown = submit("{\"type\":\"test.sleep\",\"params\":{\"steps\":1,\"stpes\":2}}", null).getBody();
    assertThat(unknown.get("status").asInt()).isEqualTo(400);
    assertThat(unknown.get("detail").asString()).contains("stpes");

    JsonNode wrongType = submit("{\"type\":\"nope\"}", null).getBody();
    assertThat(wrongType.get("type").asString()).isEqualTo("urn:trustml:problem:unknown-job-type");

    JsonNode handlerRule = submit("{\"type\":\"test.sleep\",\"params\":{\"steps\":1,\"message\":\"forbidden\"}}",
        null).getBody();
    assertThat(handlerRule.get("field").asString()).isEqualTo("params.message");

    JsonNode ownerRule = submit("{\"type\":\"test.sleep\",\"params\":{\"steps\":1,\"message\":\"tenant:acme\"}}",
        null).getBody();
    assertThat(ownerRule.get("detail").asString()).isEqualTo("message names tenant 'acme' but 'anonymous' submits");

    ResponseEntity<JsonNode> malformed = submit("{\"type\": ", null);
    assertThat(malformed.getStatusCode().value()).isEqualTo(400);
    assertThat(malformed.getBody().path("type").asString()).as(String.valueOf(malformed.getBody())).isEqualTo("urn:trustml:problem:malformed-body");

    int after = http.get().uri("/jobs?pageSize=500").retrieve().body(JsonNode.class).get("jobs").size();
    assertThat(after).isEqualTo(before);
  }

  @Test
  void aRunningJobIsCancelledPromptly() {
    String id = submit("{\"type\":\"test.sleep\",\"params\":{\"steps\":1000,\"stepMillis\":20}}", null)
        .getBody().get("id").asString();
    awaitState(id, "RUNNING");
    long t0 = System.nanoTime();
    JsonNode cancel = http.post().uri("/jobs/{id}/cancel", id).retrieve().body(JsonNode.class);
    assertThat(cancel.get("state").asString()).isIn("CANCELLING", "CANCELLED");
    JsonNode done = awaitState(id, "CANCELLED");
    assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(3000);
    assertThat(done.get("progress").get("fraction").asDouble()).isLessThan(1.0);
    assertThat(http.get().uri("/jobs/{id}/result", id).retrieve().toEntity(JsonNode.class).getStatusCode().value())
        .isEqualTo(409);
    // cancelling again is harmless
    assertThat(http.post().uri("/jobs/{id}/cancel", id).retrieve().toEntity(JsonNode.class).getStatusCode().value())
        .isEqualTo(202);
  }

  @Test
  void cancellingAnEndedJobIs409AndPrioritiesAreBounded() {
    String id = submit("{\"type\":\"test.sleep\",\"params\":{\"steps\":1}}", null).getBody().get("id").asString();
    awaitState(id, "SUCCEEDED");
    ResponseEntity<JsonNode> late = http.post().uri("/jobs/{id}/cancel", id).retrieve().toEntity(JsonNode.class);
    assertThat(late.getStatusCode().value()).isEqualTo(409);
    assertThat(late.getBody().get("type").asString()).isEqualTo("urn:trustml:problem:job-ended");
    JsonNode greedy = submit("{\"type\":\"test.sleep\",\"priority\":1000000,\"params\":{\"steps\":1}}", null)
        .getBody();
    assertThat(greedy.get("status").asInt()).isEqualTo(400);
    assertThat(greedy.get("field").asString()).isEqualTo("priority");
  }

  @Test
  void aFailingJobEndsFailedWithAProblem() {
    String id = submit("{\"type\":\"test.sleep\",\"params\":{\"steps\":1,\"fail\":true}}", null)
        .getBody().get("id").asString();
    JsonNode failed = awaitState(id, "FAILED");
    assertThat(failed.get("error").get("type").asString()).isEqualTo("urn:trustml:problem:job-failed");
    assertThat(failed.get("error").get("detail").asString()).contains("asked to fail");
    assertThat(failed.get("attempt").asInt()).isEqualTo(1);
  }

  @Test
  void listingPagesThroughEveryJobOnceAndFiltersByState() {
    for (int i = 0; i < 7; i++) {
      submit("{\"type\":\"test.sleep\",\"params\":{\"steps\":1}}", null);
    }
    Set<String> seen = new HashSet<>();
    String token = null;
    int pages = 0;
    do {
      JsonNode page = http.get().uri("/jobs?pageSize=3" + (token == null ? "" : "&pageToken=" + token))
          .retrieve().body(JsonNode.class);
      page.get("jobs").forEach(j -> assertThat(seen.add(j.get("id").asString())).isTrue());
      token = page.get("nextPageToken").isNull() ? null : page.get("nextPageToken").asString();
      pages++;
    } while (token != null && pages < 100);
    assertThat(seen.size()).isGreaterThanOrEqualTo(7);
    JsonNode bad = http.get().uri("/jobs?pageToken=garbage").retrieve().body(JsonNode.class);
    assertThat(bad.get("status").asInt()).isEqualTo(400);
    JsonNode queued = http.get().uri("/jobs?state=FAILED").retrieve().body(JsonNode.class);
    queued.get("jobs").forEach(j -> assertThat(j.get("state").asString()).isEqualTo("FAILED"));
  }

  @Test
  void eventsStreamProgressUntilTheJobEnds() {
    String id = submit("{\"type\":\"test.sleep\",\"params\":{\"steps\":10,\"stepMillis\":100}}", null)
        .getBody().get("id").asString();
    String stream = http.get().uri("/jobs/{id}/events", id).accept(MediaType.TEXT_EVENT_STREAM)
        .retrieve().body(String.class);
    assertThat(stream).contains("event:progress").contains("event:done").contains("SUCCEEDED");
  }

  @Test
  void anUnknownJobIsA404Problem() {
    ResponseEntity<JsonNode> r = http.get().uri("/jobs/{id}", UUID.randomUUID()).retrieve().toEntity(JsonNode.class);
    assertThat(r.getStatusCode().value()).isEqualTo(404);
    assertThat(r.getBody().get("type").asString()).isEqualTo("urn:trustml:problem:not-found");
    ResponseEntity<JsonNode> notUuid = http.get().uri("/jobs/not-a-uuid").retrieve().toEntity(JsonNode.class);
    assertThat(notUuid.getStatusCode().value()).isEqualTo(400);
  }

  @Test
  void metricsAreExposedForPrometheus() {
    submit("{\"type\":\"test.sleep\",\"params\":{\"steps\":1}}", null);
    String prom = RestClient.create("http://localhost:" + port).get().uri("/actuator/prometheus")
        .retrieve().body(String.class);
    assertThat(prom).contains("trustml_jobs_submitted_total");
    String health = RestClient.create("http://localhost:" + port).get().uri("/actuator/health/readiness")
        .retrieve().body(String.class);
    assertThat(health).contains("UP");
  }

  @Test
  void concurrentRetriesWithOneIdempotencyKeyCreateOneJob() throws Exception {
    String key = UUID.randomUUID().toString();
    String body = "{\"type\":\"test.sleep\",\"params\":{\"steps\":1}}";
    var pool = java.util.concurrent.Executors.newFixedThreadPool(10);
    try {
      List<java.util.concurrent.Future<ResponseEntity<JsonNode>>> futures = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        futures.add(pool.submit(() -> submit(body, key)));
      }
      Set<String> ids = new HashSet<>();
      int replayed = 0;
      for (var f : futures) {
        ResponseEntity<JsonNode> r = f.get();
        assertThat(r.getStatusCode().value()).isEqualTo(202);
        ids.add(r.getBody().get("id").asString());
        if ("true".equals(r.getHeaders().getFirst("Idempotent-Replayed"))) {
          replayed++;
        }
      }
      assertThat(ids).hasSize(1);
      assertThat(replayed).isEqualTo(49);
    } finally {
      pool.shutdown();
    }
  }
}
