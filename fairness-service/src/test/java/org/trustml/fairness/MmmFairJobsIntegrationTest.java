package org.trustml.fairness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;

import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
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
import org.trustml.core.catalog.ModelDescriptor;
import org.trustml.core.catalog.ModelRegistration;
import org.trustml.core.testing.JobsHttp;
import org.trustml.core.testing.ServiceTestProperties;
import tools.jackson.databind.JsonNode;

/**
 * MMM-Fair end to end inside the service: train on a catalog table, the ONNX export checked and registered, predict
 * through the registered model, choose another size without retraining, audit the model on a table, and bad input
 * failing with a problem that names the column.
 */
@SpringBootTest(classes = FairnessApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MmmFairJobsIntegrationTest {

  @TempDir static Path artifacts;

  @DynamicPropertySource
  static void props(DynamicPropertyRegistry r) {
    ServiceTestProperties.register(r, artifacts);
  }

  @LocalServerPort int port;
  @Autowired ArtifactStore store;
  @MockitoBean CatalogClient catalog;
  JobsHttp jobs;
  RestClient http;
  final List<ModelRegistration> registered = new ArrayList<>();

  @BeforeEach
  void setUp() {
    jobs = new JobsHttp(port, "/api/v1/fairness", null, 7, Duration.ofSeconds(120));
    http = jobs.client();
    dataset("ds-train", table(1200, 11));
    dataset("ds-test", table(600, 12));
    AtomicInteger ids = new AtomicInteger();
    given(catalog.registerModel(any())).willAnswer(inv -> {
      ModelRegistration r = inv.getArgument(0);
      registered.add(r);
      ModelDescriptor d = new ModelDescriptor("mdl-" + ids.incrementAndGet(), r.owner(), r.name(), r.framework(),
          r.artifact(), r.metadata(), r.lineage(), OffsetDateTime.now());
      given(catalog.model(eq("anonymous"), eq(d.id()))).willReturn(d);
      return d;
    });
  }

  /** Income depends on x and, unfairly, on sex and race; the Other race is small. */
  static String table(int n, long seed) {
    Random r = new Random(seed);
    StringBuilder b = new StringBuilder("x1,x2,job,sex,race,income\n");
    String[] races = {"A", "B", "Other"};
    for (int i = 0; i < n; i++) {
      double x1 = r.nextGaussian();
      double x2 = r.nextGaussian();
      String job = r.nextBoolean() ? "office" : "field";
      String sex = r.nextBoolean() ? "M" : "F";
      String race = races[r.nextInt(10) < 1 ? 2 : r.nextInt(2)];
      double logit = 1.2 * x1 - 0.6 * x2 + (job.equals("office") ? 0.4 : 0) + (sex.equals("M") ? 0.9 : -0.5)
          + (race.equals("A") ? 0.5 : -0.3) + 0.5 * r.nextGaussian();
      b.append(String.format(Locale.ROOT, "%.4f,%.4f,%s,%s,%s,%s%n", x1, x2, job, sex, race,
          logit > 0.3 ? ">50K" : "<=50K"));
    }
    return b.toString();
  }

  void dataset(String id, String csv) {
    ArtifactRef ref = store.putText(csv, "text/csv", id + ".csv");
    given(catalog.dataset(eq("anonymous"), eq(id))).willReturn(new DatasetDescriptor(id, "anonymous", id, "csv",
        ref, csv.lines().count() - 1, 6, List.of(), "income", List.of("sex", "race"), List.of(), null,
        Lineage.upload(), OffsetDateTime.now()));
  }

  JsonNode submit(String type, String params) {
    return jobs.run(type, params);
  }

  JsonNode result(JsonNode job) {
    return jobs.result(job);
  }

  static final String PROTECTED = "\"protectedAttributes\":[{\"column\":\"sex\",\"nonProtected\":\"M\"},"
      + "{\"column\":\"race\",\"nonProtected\":\"A\"}]";

  @Test
  void trainPredictReselectAndAudit() {
    JsonNode train = submit("fairness.mmm-fair.train", "{\"dataset\":\"ds-train\",\"testDataset\":\"ds-test\","
        + "\"label\":\"income\",\"positive\":\">50K\"," + PROTECTED + ",\"constraint\":\"EO\",\"rounds\":40,"
        + "\"intersectional\":true,\"minSupport\":20}");
    JsonNode result = result(train);
    String modelId = result.get("model").asString();
    int theta = result.get("theta").asInt();
    assertThat(theta).isBetween(1, 40);
    assertThat(result.get("onnxAgreement").get("agreeing").asInt())
        .isEqualTo(result.get("onnxAgreement").get("rowsChecked").asInt()).isEqualTo(600);
    assertThat(result.get("explanation").asString()).contains("of its 40 learners");
    assertThat(result.get("testObjectives").has("eo:cells")).isTrue();

    String jobId = train.get("id").asString();
    for (String name : List.of("model.onnx", "model.json", "card.json", "pareto.json", "explanation.txt",
        "explanation.json")) {
      assertThat(http.get().uri("/jobs/{id}/artifacts/{name}", jobId, name).retrieve().toBodilessEntity()
          .getStatusCode().value()).as(name).isEqualTo(200);
    }
    ModelRegistration reg = registered.get(0);
    assertThat(reg.framework()).isEqualTo("onnx");
    assertThat(reg.lineage().parents()).containsExactly("ds-train", "ds-test");
    assertThat(reg.metadata().get("card").get("choice").get("theta").asInt()).isEqualTo(theta);

    // predictions of the registered ONNX model for rows given by column
    JsonNode predicted = http.post().uri("/models/{id}/predict", modelId).contentType(MediaType.APPLICATION_JSON)
        .body("{\"rows\":[{\"x1\":\"2.5\",\"x2\":\"-1\",\"job\":\"office\",\"sex\":\"F\",\"race\":\"B\"},"
            + "{\"x1\":\"-2.5\",\"x2\":\"1\",\"job\":\"field\",\"sex\":\"M\",\"race\":\"A\"}]}")
        .retrieve().body(JsonNode.class);
    assertThat(predicted.get("theta").asInt()).as(predicted.toString()).isEqualTo(theta);
    assertThat(predicted.get("predictions").get(0).get("value").asString()).isEqualTo(">50K");
    assertThat(predicted.get("predictions").get(1).get("value").asString()).isEqualTo("<=50K");
    assertThat(predicted.get("predictions").get(0).get("probability").asDouble()).isGreaterThan(0.5);
    JsonNode badRow = http.post().uri("/models/{id}/predict", modelId).contentType(MediaType.APPLICATION_JSON)
        .body("{\"rows\":[{\"x1\":\"tall\",\"x2\":\"1\",\"job\":\"field\"}]}").retrieve().body(JsonNode.class);
    assertThat(badRow.get("status").asInt()).isEqualTo(400);
    assertThat(badRow.get("detail").asString()).contains("x1");

    // choose again under a constraint, computed here by brute force from the stored candidates
    JsonNode front = http.get().uri("/models/{id}/pareto", modelId).retrieve().body(JsonNode.class);
    JsonNode cols = front.get("candidates").get("columns");
    int eoCells = -1;
    int error = -1;
    for (int c = 0; c < cols.size(); c++) {
      eoCells = cols.get(c).asString().equals("eo:cells") ? c : eoCells;
      error = cols.get(c).asString().equals("error") ? c : error;
    }
    JsonNode values = front.get("candidates").get("values");
    double bound = Double.POSITIVE_INFINITY;
    for (JsonNode row : values) {
      bound = Math.min(bound, row.get(eoCells).asDouble());
    }
    bound += 0.02;
    int expected = -1;
    for (int i = 0; i < values.size(); i++) {
      if (values.get(i).get(eoCells).asDouble() <= bound
          && (expected < 0 || values.get(i).get(error).asDouble() < values.get(expected).get(error).asDouble())) {
        expected = i;
      }
    }
    JsonNode reselect = result(submit("fairness.mmm-fair.reselect", "{\"model\":\"" + modelId + "\","
        + "\"selection\":{\"constraints\":[{\"objective\":\"eo:cells\",\"max\":" + bound + "}],"
        + "\"optimize\":\"error\"}}"));
    assertThat(reselect.get("theta").asInt()).isEqualTo(expected + 1);
    assertThat(reselect.get("previousTheta").asInt()).isEqualTo(theta);
    assertThat(registered.get(1).lineage().parents()).containsExactly(modelId);

    // the stored model audited on the test table
    JsonNode audit = result(submit("fairness.evaluate", "{\"dataset\":\"ds-test\",\"model\":\"" + modelId + "\","
        + "\"bootstrap\":20,\"minSupport\":20}"));
    assertThat(audit.get("rows").asInt()).isEqualTo(600);
    assertThat(audit.get("attributes").toString()).contains("sex", "race");
  }

  @Test
  void anUnknownProtectedColumnFailsNamingIt() {
    JsonNode job = submit("fairness.mmm-fair.train", "{\"dataset\":\"ds-train\",\"label\":\"income\","
        + "\"positive\":\">50K\",\"protectedAttributes\":[{\"column\":\"gender\"}],\"rounds\":5}");
    assertThat(job.get("state").asString()).isEqualTo("FAILED");
    assertThat(job.get("error").get("type").asString()).isEqualTo("urn:trustml:problem:unknown-column");
    assertThat(job.get("error").get("column").asString()).isEqualTo("gender");
    assertThat(registered).isEmpty();
  }

  @Test
  void aLabelThatIsNotBinaryFailsNamingIt() {
    JsonNode job = submit("fairness.mmm-fair.train", "{\"dataset\":\"ds-train\",\"label\":\"job\","
        + "\"protectedAttributes\":[{\"column\":\"sex\"}],\"features\":[\"x1\",\"x2\"],\"rounds\":5}");
    assertThat(job.get("state").asString()).isEqualTo("FAILED");
    assertThat(job.get("error").get("column").asString()).isEqualTo("job");
  }

  @Test
  void invalidParametersAreRefusedBeforeQueueing() {
    JsonNode refused = http.post().uri("/jobs").contentType(MediaType.APPLICATION_JSON)
        .body("{\"type\":\"fairness.mmm-fair.train\",\"params\":{\"dataset\":\"ds-train\",\"label\":\"income\","
            + PROTECTED + ",\"constraint\":\"XYZ\"}}").retrieve().body(JsonNode.class);
    assertThat(refused.get("status").asInt()).isEqualTo(400);
    assertThat(refused.toString()).contains("constraint");
  }
}
