package org.trustml.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.trustml.client.api.DatasetsApi;
import org.trustml.client.api.FairnessApi;
import org.trustml.client.model.DatasetDescriptor;
import org.trustml.client.model.Job;
import org.trustml.client.model.JobSubmission;
import org.trustml.client.model.KeyRequest;
import tools.jackson.databind.JsonNode;

/**
 * The fairness service behind the gateway, driven by the generated client: upload a table, train an MMM-Fair model
 * (protected columns also as inputs), predict with the registered ONNX model, and a refused submission.
 */
class FairnessThroughTheGatewayTest {

  static String userKey;

  @BeforeAll
  static void start() throws Exception {
    ThroughTheGatewayTest.platform = PlatformFixture.get();
    userKey = ThroughTheGatewayTest.issue("fair-co", KeyRequest.RoleEnum.USER, 10_000);
  }

  /** 600 rows: the label follows x1, with a lower rate for sex F, so an unconstrained model has a gap to close. */
  static String table() {
    Random r = new Random(5);
    StringBuilder csv = new StringBuilder("x1,x2,sex,race,hired\n");
    for (int i = 0; i < 600; i++) {
      String sex = r.nextBoolean() ? "F" : "M";
      String race = r.nextInt(3) == 0 ? "B" : "A";
      double x1 = r.nextGaussian();
      double x2 = r.nextGaussian();
      boolean hired = x1 + 0.3 * x2 - (sex.equals("F") ? 0.6 : 0) + 0.5 * r.nextGaussian() > 0;
      csv.append(String.format(java.util.Locale.ROOT, "%.4f,%.4f,%s,%s,%s%n", x1, x2, sex, race,
          hired ? "yes" : "no"));
    }
    return csv.toString();
  }

  @Test
  void trainAFairModelAndPredictWithItThroughTheGateway() {
    DatasetsApi datasets = ThroughTheGatewayTest.client(userKey).createClient(DatasetsApi.class);
    FairnessApi fairness = ThroughTheGatewayTest.client(userKey).createClient(FairnessApi.class);
    DatasetDescriptor input = datasets.uploadDataset("hiring", new ByteArrayResource(
        table().getBytes(StandardCharsets.UTF_8)), "csv", "hired", List.of("sex", "race"), null, null, null, null)
        .getBody();
    assertThat(input.getRows()).isEqualTo(600);

    Map<String, Object> params = Map.of("dataset", input.getId(), "label", "hired", "positive", "yes",
        "protectedAttributes", List.of(Map.of("column", "sex", "nonProtected", "M"),
            Map.of("column", "race", "nonProtected", "A")),
        "protectedAsFeatures", true, "constraint", "EO", "rounds", 30, "minSupport", 20, "name", "hiring-fair");
    Job job = fairness.fairnessSubmitJob(new JobSubmission("fairness.mmm-fair.train").params(params).seed(3L), null)
        .getBody();
    await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).until(() -> {
      Job.StateEnum state = fairness.fairnessGetJob(job.getId()).getBody().getState();
      assertThat(state).isNotIn(Job.StateEnum.FAILED, Job.StateEnum.CANCELLED);
      return state == Job.StateEnum.SUCCEEDED;
    });
    @SuppressWarnings("unchecked")
    Map<String, Object> result = (Map<String, Object>) ((Map<String, Object>) fairness.fairnessGetJobResult(
        job.getId()).getBody()).get("result");
    String model = (String) result.get("model");
    int theta = ((Number) result.get("theta")).intValue();
    assertThat(theta).isBetween(1, 30);
    @SuppressWarnings("unchecked")
    Map<String, Object> agreement = (Map<String, Object>) result.get("onnxAgreement");
    assertThat(agreement.get("agreeing")).isEqualTo(agreement.get("rowsChecked"));

    // the registered ONNX model needs the protected columns, which are among its inputs
    JsonNode predicted = RestClient.create(ThroughTheGatewayTest.platform.gatewayUrl()).post()
        .uri("/api/v1/fairness/models/{id}/predict", model).header("X-API-Key", userKey)
        .contentType(MediaType.APPLICATION_JSON)
        .body("{\"rows\":[{\"x1\":\"2.5\",\"x2\":\"0\",\"sex\":\"M\",\"race\":\"A\"},"
            + "{\"x1\":\"-2.5\",\"x2\":\"0\",\"sex\":\"F\",\"race\":\"B\"}]}")
        .retrieve().body(JsonNode.class);
    assertThat(predicted.get("theta").asInt()).isEqualTo(theta);
    assertThat(predicted.get("predictions").get(0).get("value").asString()).isEqualTo("yes");
    assertThat(predicted.get("predictions").get(1).get("value").asString()).isEqualTo("no");
  }

  @Test
  void anInvalidSubmissionIsRefusedNamingTheField() {
    FairnessApi fairness = ThroughTheGatewayTest.client(userKey).createClient(FairnessApi.class);
    assertThatThrownBy(() -> fairness.fairnessSubmitJob(new JobSubmission("fairness.mmm-fair.train").params(Map.of(
        "dataset", "ds-none", "label", "hired", "protectedAttributes", List.of(Map.of("column", "sex",
            "nonProtected", "M")), "rounds", 0)), null))
        .isInstanceOfSatisfying(HttpClientErrorException.class, e -> {
          assertThat(e.getStatusCode().value()).isEqualTo(400);
          assertThat(ThroughTheGatewayTest.problem(e).get("field").asString()).isEqualTo("params.rounds");
        });
  }
}
