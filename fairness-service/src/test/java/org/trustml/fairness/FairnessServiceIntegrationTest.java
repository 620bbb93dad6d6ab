package org.trustml.fairness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.web.client.RestClient;
import org.trustml.core.artifact.ArtifactRef;
import org.trustml.core.artifact.ArtifactStore;
import org.trustml.core.catalog.CatalogClient;
import org.trustml.core.catalog.DatasetDescriptor;
import org.trustml.core.catalog.Lineage;
import org.trustml.core.testing.JobsHttp;
import org.trustml.core.testing.ServiceTestProperties;
import tools.jackson.databind.JsonNode;

/** The fairness service over HTTP on a real PostgreSQL: the synchronous metrics and the evaluation job. */
@SpringBootTest(classes = FairnessApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FairnessServiceIntegrationTest {

  @TempDir static Path artifacts;

  @DynamicPropertySource
  static void props(DynamicPropertyRegistry r) {
    ServiceTestProperties.register(r, artifacts);
  }

  // the 20 rows of the design note's golden case (Fairlearn's test data): groups, labels, predictions
  static final String A = "AAAAAAABBBBBBBCCCCCC";
  static final String Y = "01101000010111001111";
  static final String X1 = "01101010111101001011";

  @LocalServerPort int port;
  @Autowired ArtifactStore store;
  @MockitoBean CatalogClient catalog;
  JobsHttp jobs;
  RestClient http;

  @BeforeEach
  void client() {
    jobs = new JobsHttp(port, "/api/v1/fairness", null, 7, Duration.ofSeconds(30));
    http = jobs.client();
  }

  static String digits(String s) {
    StringBuilder b = new StringBuilder("[");
    for (int i = 0; i < s.length(); i++) {
      b.append(i == 0 ? "" : ",").append(s.charAt(i));
    }
    return b.append(']').toString();
  }

  static String letters(String s) {
    StringBuilder b = new StringBuilder("[");
    for (int i = 0; i < s.length(); i++) {
      b.append(i == 0 ? "" : ",").append('"').append(s.charAt(i)).append('"');
    }
    return b.append(']').toString();
  }

  JsonNode post(String body) {
    return http.post().uri("/metrics").contentType(MediaType.APPLICATION_JSON).body(body).retrieve()
        .body(JsonNode.class);
  }

  @Test
  void theSynchronousMetricsReproduceTheReferenceCase() {
    JsonNode report = post("{\"yTrue\":" + digits(Y) + ",\"yPred\":" + digits(X1) + ",\"protectedAttributes\":"
        + "{\"group\":" + letters(A) + "},\"minSupport\":1,\"bootstrap\":0}");
    assertThat(report.get("n").asInt()).as(report.toString()).isEqualTo(20);
    assertThat(report.get("overall").get("selectionRate").asDouble()).isCloseTo(0.6, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(report.toString()).contains("0.2142857");
  }

  @Test
  void anUndefinedRateIsNullWithItsReasonNeverNaN() {
    // group B has no positive label: its TPR is undefined
    String body = http.post().uri("/metrics").contentType(MediaType.APPLICATION_JSON)
        .body("{\"yTrue\":[1,0,1,0,0,0],\"yPred\":[1,0,0,1,0,1],\"protectedAttributes\":"
            + "{\"g\":[\"A\",\"A\",\"A\",\"B\",\"B\",\"B\"]},\"minSupport\":1,\"bootstrap\":0}")
        .retrieve().body(String.class);
    assertThat(body).doesNotContain("NaN").contains("\"tpr\":null");
  }

  @Test
  void badInputIsA400NamingTheColumn() {
    JsonNode single = post("{\"yTrue\":[0,1,1],\"yPred\":[0,1,0],\"protectedAttributes\":{\"sex\":[\"F\",\"F\",\"F\"]}}");
    assertThat(single.get("status").asInt()).isEqualTo(400);
    assertThat(single.toString()).contains("sex");
    JsonNode notBinary = post("{\"yTrue\":[0,2,1],\"yPred\":[0,1,0],\"protectedAttributes\":{\"sex\":[\"F\",\"M\",\"F\"]}}");
    assertThat(notBinary.get("status").asInt()).isEqualTo(400);
    assertThat(notBinary.toString()).contains("yTrue");
    JsonNode tooBig = post("{\"yTrue\":" + digits(Y) + ",\"yPred\":" + digits(X1) + ",\"protectedAttributes\":"
        + "{\"group\":" + letters(A) + "},\"bootstrap\":100000000}");
    assertThat(tooBig.get("status").asInt()).isEqualTo(400);
  }

  @Test
  void theEvaluationJobReadsACatalogDatasetAndWritesTheReport() {
    StringBuilder csv = new StringBuilder("group,income,predicted\n");
    for (int i = 0; i < A.length(); i++) {
      csv.append(A.charAt(i)).append(',').append(Y.charAt(i) == '1' ? ">50K" : "<=50K").append(',')
          .append(X1.charAt(i) == '1' ? ">50K" : "<=50K").append('\n');
    }
    ArtifactRef ref = store.putText(csv.toString(), "text/csv", "golden.csv");
    given(catalog.dataset(eq("anonymous"), eq("ds-golden"))).willReturn(new DatasetDescriptor("ds-golden",
        "anonymous", "golden", "csv", ref, 20, 3, List.of(), "income", List.of("group"), List.of(), null,
        Lineage.upload(), OffsetDateTime.now()));
    JsonNode job = jobs.run("fairness.evaluate", "{\"dataset\":\"ds-golden\",\"label\":\"income\","
        + "\"prediction\":\"predicted\",\"positive\":\">50K\",\"minSupport\":1,\"bootstrap\":50}");
    String id = job.get("id").asString();
    JsonNode result = jobs.result(job);
    assertThat(result.get("rows").asInt()).as(result.toString()).isEqualTo(20);
    String report = new String(jobs.artifact(id, "report.json"), StandardCharsets.UTF_8);
    assertThat(report).contains("0.2142857");
  }

  @Test
  void anEvaluationOfAnUnknownColumnFailsNamingIt() {
    ArtifactRef ref = store.putText("group,income\nA,1\nB,0\n", "text/csv", "tiny.csv");
    given(catalog.dataset(eq("anonymous"), eq("ds-tiny"))).willReturn(new DatasetDescriptor("ds-tiny",
        "anonymous", "tiny", "csv", ref, 2, 2, List.of(), "income", List.of("group"), List.of(), null,
        Lineage.upload(), OffsetDateTime.now()));
    JsonNode failed = jobs.run("fairness.evaluate", "{\"dataset\":\"ds-tiny\",\"label\":\"income\","
        + "\"prediction\":\"scored\"}");
    assertThat(failed.get("state").asString()).isEqualTo("FAILED");
    JsonNode error = failed.get("error");
    assertThat(error.get("type").asString()).isEqualTo("urn:trustml:problem:unknown-column");
    assertThat(error.get("column").asString()).isEqualTo("scored");
    assertThat(new String(store.readAllBytes(ref.sha256()), StandardCharsets.UTF_8)).startsWith("group");
  }
}
