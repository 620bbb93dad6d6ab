package org.trustml.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.support.RestClientAdapter;
import org.springframework.web.service.invoker.HttpServiceProxyFactory;
import org.trustml.client.api.AdminApi;
import org.trustml.client.api.DatasetsApi;
import org.trustml.client.api.DemoApi;
import org.trustml.client.model.DatasetDescriptor;
import org.trustml.client.model.Job;
import org.trustml.client.model.JobSubmission;
import org.trustml.client.model.KeyRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A user's whole path through the platform with the Java client generated from the gateway's OpenAPI document:
 * get a key, upload a dataset, submit a job, follow its progress, read its result and the dataset it registered;
 * and the ways a request is refused.
 */
class ThroughTheGatewayTest {

  static PlatformFixture platform;
  static String userKey;

  static HttpServiceProxyFactory client(String key) {
    RestClient.Builder rest = RestClient.builder().baseUrl(platform.gatewayUrl())
        // the JDK client would wait out a 429's Retry-After by itself; this one shows the answer
        .requestFactory(new SimpleClientHttpRequestFactory());
    if (key != null) {
      rest = rest.defaultHeader("X-API-Key", key);
    }
    return HttpServiceProxyFactory.builderFor(RestClientAdapter.create(rest.build())).build();
  }

  static String issue(String tenant, KeyRequest.RoleEnum role, int rate) {
    AdminApi admin = client(PlatformFixture.ADMIN_KEY).createClient(AdminApi.class);
    return admin.createKey(new KeyRequest(role, tenant).ratePerMinute(rate)).getBody().getSecret();
  }

  @BeforeAll
  static void start() throws Exception {
    platform = PlatformFixture.get();
    userKey = issue("acme", KeyRequest.RoleEnum.USER, 10_000);
  }

  static JsonNode problem(HttpClientErrorException e) {
    return JsonMapper.builder().build().readTree(e.getResponseBodyAsString());
  }

  @Test
  void uploadSubmitFollowAndReadTheResult() {
    DatasetsApi datasets = client(userKey).createClient(DatasetsApi.class);
    DemoApi demo = client(userKey).createClient(DemoApi.class);
    String csv = "age,sex,income\n30,F,1\n41,M,0\n25,F,0\n52,M,1\n";
    DatasetDescriptor input = datasets.uploadDataset("people", new ByteArrayResource(
        csv.getBytes(StandardCharsets.UTF_8)), "csv", "income", List.of("sex"), null, null, null, null).getBody();
    assertThat(input.getRows()).isEqualTo(4);

    String key = UUID.randomUUID().toString();
    JobSubmission submission = new JobSubmission("e2e.head")
        .params(Map.of("dataset", input.getId(), "rows", 2)).seed(11L);
    Job job = demo.demoSubmitJob(submission, key).getBody();
    assertThat(demo.demoSubmitJob(submission, key).getBody().getId()).isEqualTo(job.getId());

    List<Double> fractions = new ArrayList<>();
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20)).until(() -> {
      Job now = demo.demoGetJob(job.getId()).getBody();
      fractions.add(now.getProgress().getFraction());
      return now.getState() == Job.StateEnum.SUCCEEDED;
    });
    for (int i = 1; i < fractions.size(); i++) {
      assertThat(fractions.get(i)).isGreaterThanOrEqualTo(fractions.get(i - 1));
    }
    assertThat(fractions.get(fractions.size() - 1)).isEqualTo(1.0);

    @SuppressWarnings("unchecked")
    Map<String, Object> result = (Map<String, Object>) demo.demoGetJobResult(job.getId()).getBody();
    @SuppressWarnings("unchecked")
    Map<String, Object> summary = (Map<String, Object>) result.get("result");
    assertThat(summary.get("rows")).isEqualTo(2);
    assertThat(result.get("seed")).isEqualTo(11);

    DatasetDescriptor output = datasets.getDataset((String) summary.get("outputDataset")).getBody();
    assertThat(output.getRows()).isEqualTo(2);
    assertThat(output.getLabelColumn()).isEqualTo("income");
    assertThat(output.getLineage().getParents()).containsExactly(input.getId());
    assertThat(output.getLineage().getJobId()).isEqualTo(job.getId().toString());

    byte[] head = new byte[0];
    try {
      head = demo.demoDownloadJobArtifact(job.getId(), "head.csv").getBody().getContentAsByteArray();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    assertThat(new String(head, StandardCharsets.UTF_8)).isEqualTo("age,sex,income\n30,F,1\n41,M,0\n");

    String events = RestClient.create(platform.gatewayUrl()).get().uri("/api/v1/demo/jobs/{id}/events", job.getId())
        .header("X-API-Key", userKey).accept(MediaType.TEXT_EVENT_STREAM).retrieve().body(String.class);
    assertThat(events).contains("event:done").contains("SUCCEEDED");
  }

  @Test
  void aRunningJobCanBeCancelledThroughTheGateway() {
    DemoApi demo = client(userKey).createClient(DemoApi.class);
    Job job = demo.demoSubmitJob(new JobSubmission("test.sleep").params(Map.of("steps", 500, "stepMillis", 20)),
        null).getBody();
    await().atMost(Duration.ofSeconds(20))
        .until(() -> demo.demoGetJob(job.getId()).getBody().getState() == Job.StateEnum.RUNNING);
    demo.demoCancelJob(job.getId());
    await().atMost(Duration.ofSeconds(10))
        .until(() -> demo.demoGetJob(job.getId()).getBody().getState() == Job.StateEnum.CANCELLED);
  }

  @Test
  void refusals() {
    DemoApi anonymous = client(null).createClient(DemoApi.class);
    assertThatThrownBy(() -> anonymous.demoListJobs(null, null, null, null))
        .isInstanceOfSatisfying(HttpClientErrorException.class, e -> assertThat(e.getStatusCode().value())
            .isEqualTo(401));

    AdminApi asUser = client(userKey).createClient(AdminApi.class);
    assertThatThrownBy(asUser::listKeys)
        .isInstanceOfSatisfying(HttpClientErrorException.class, e -> assertThat(e.getStatusCode().value())
            .isEqualTo(403));

    DemoApi limited = client(issue("tiny", KeyRequest.RoleEnum.USER, 2)).createClient(DemoApi.class);
    limited.demoListJobs(null, null, null, null);
    limited.demoListJobs(null, null, null, null);
    assertThatThrownBy(() -> limited.demoListJobs(null, null, null, null))
        .isInstanceOfSatisfying(HttpClientErrorException.class, e -> {
          assertThat(e.getStatusCode().value()).isEqualTo(429);
          assertThat(e.getResponseHeaders().getFirst("Retry-After")).isNotBlank();
        });

    DatasetsApi datasets = client(userKey).createClient(DatasetsApi.class);
    byte[] huge = new byte[PlatformFixture.MAX_UPLOAD_BYTES + 1024];
    assertThatThrownBy(() -> datasets.uploadDataset("huge", new ByteArrayResource(huge), null, null, null, null, null,
        null, null))
        .isInstanceOfSatisfying(HttpClientErrorException.class, e -> assertThat(e.getStatusCode().value())
            .isEqualTo(413));
    assertThatThrownBy(() -> datasets.uploadDataset("broken", new ByteArrayResource(
        "a,b\n1,2\n\"3,4\n".getBytes(StandardCharsets.UTF_8)), "csv", null, null, null, null, null, null))
        .isInstanceOfSatisfying(HttpClientErrorException.class, e -> {
          assertThat(e.getStatusCode().value()).isEqualTo(400);
          assertThat(problem(e).get("type").asString()).isEqualTo("urn:trustml:problem:malformed-csv");
          assertThat(problem(e).get("line").asInt()).isEqualTo(3);
        });

    DemoApi demo = client(userKey).createClient(DemoApi.class);
    assertThatThrownBy(() -> demo.demoSubmitJob(new JobSubmission("e2e.head").params(Map.of("rows", 0)), null))
        .isInstanceOfSatisfying(HttpClientErrorException.class, e -> {
          assertThat(e.getStatusCode().value()).isEqualTo(400);
          assertThat(problem(e).get("field").asString()).startsWith("params.");
        });
  }
}
