package org.trustml.fairness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
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
import org.trustml.fairness.data.FairProblem;
import org.trustml.fairness.data.FairProblemLoader;
import org.trustml.fairness.data.FairSchema;
import org.trustml.fairness.data.ProtectedSpec;
import org.trustml.fairness.pareto.CandidateEvaluator;
import org.trustml.fairness.pareto.CandidateTable;
import org.trustml.fairness.pareto.FairnessObjective;
import org.trustml.fairness.reductions.WeightedLogisticRegression;
import org.trustml.ml.ByteSource;
import org.trustml.ml.MissingValuePolicy;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The baselines job and the FairBranch job end to end inside the service, on small generated tables: every method
 * measured as the benchmark measures it, the FairBranch report with its gains, cancellation, and bad input refused
 * with a problem naming the field.
 */
@SpringBootTest(classes = FairnessApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BaselinesAndFairBranchJobsIntegrationTest {

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
  final JsonMapper json = JsonMapper.builder().build();

  static final String TRAIN = MmmFairJobsIntegrationTest.table(1200, 21);
  static final String TEST = MmmFairJobsIntegrationTest.table(600, 22);

  @BeforeEach
  void setUp() {
    jobs = new JobsHttp(port, "/api/v1/fairness", null, 7, Duration.ofSeconds(120));
    http = jobs.client();
    dataset("ds-train", TRAIN);
    dataset("ds-test", TEST);
    dataset("ds-tasks", tasks(700, 23));
    dataset("ds-tasks-test", tasks(150, 24));
  }

  /** Three binary tasks over x1, x2 and job; sex shifts two of them. */
  static String tasks(int n, long seed) {
    Random r = new Random(seed);
    StringBuilder b = new StringBuilder("x1,x2,job,sex,income,hired,senior\n");
    for (int i = 0; i < n; i++) {
      double x1 = r.nextGaussian();
      double x2 = r.nextGaussian();
      boolean office = r.nextBoolean();
      boolean male = r.nextDouble() < 0.55;
      boolean income = 1.3 * x1 + 0.4 * x2 + (male ? 0.7 : -0.4) + 0.5 * r.nextGaussian() > 0.2;
      boolean hired = x2 + (office ? 0.6 : -0.3) + 0.6 * r.nextGaussian() > 0;
      boolean senior = 0.8 * x1 - 0.5 * x2 + (male ? 0.5 : -0.5) + 0.6 * r.nextGaussian() > 0;
      b.append(String.format(Locale.ROOT, "%.4f,%.4f,%s,%s,%s,%d,%s%n", x1, x2, office ? "office" : "field",
          male ? "M" : "F", income ? ">50K" : "<=50K", hired ? 1 : 0, senior ? "yes" : "no"));
    }
    return b.toString();
  }

  void dataset(String id, String csv) {
    ArtifactRef ref = store.putText(csv, "text/csv", id + ".csv");
    given(catalog.dataset(eq("anonymous"), eq(id))).willReturn(new DatasetDescriptor(id, "anonymous", id, "csv",
        ref, csv.lines().count() - 1, 6, List.of(), null, List.of("sex"), List.of(), null, Lineage.upload(),
        OffsetDateTime.now()));
  }

  String submitId(String type, String params) {
    return jobs.accepted(type, params);
  }

  JsonNode post(String body) {
    return http.post().uri("/jobs").contentType(MediaType.APPLICATION_JSON).body(body).retrieve()
        .body(JsonNode.class);
  }

  JsonNode awaitEnd(String id) {
    return jobs.awaitEnd(id);
  }

  JsonNode job(String id) {
    return jobs.job(id);
  }

  JsonNode result(String id) {
    return jobs.result(awaitEnd(id));
  }

  JsonNode artifact(String id, String name) {
    return json.readTree(new String(jobs.artifact(id, name), StandardCharsets.UTF_8));
  }

  static final String SCHEMA = "\"label\":\"income\",\"positive\":\">50K\",\"protectedAttributes\":["
      + "{\"column\":\"sex\",\"nonProtected\":\"M\"},{\"column\":\"race\",\"nonProtected\":\"A\"}]";

  @Test
  void baselinesRunEveryMethodOnTheTestTableAndMeasureAsTheBenchmarkDoes() throws Exception {
    String id = submitId("fairness.baselines", "{\"dataset\":\"ds-train\",\"testDataset\":\"ds-test\"," + SCHEMA
        + ",\"eps\":0.05,\"maxIterations\":10,\"minSupport\":20}");
    JsonNode result = result(id);
    assertThat(result.get("testRows").asInt()).isEqualTo(600);
    JsonNode report = artifact(id, "baselines.json");
    assertThat(report.get("seed").asLong()).isEqualTo(7);
    assertThat(report.get("parameters").get("eps").asDouble()).isEqualTo(0.05);
    assertThat(report.get("parameters").get("protectedAsFeatures").asBoolean()).isFalse();
    assertThat(report.get("parameters").get("inputs").toString()).doesNotContain("sex", "race");
    List<String> methods = report.get("methods").valueStream().map(m -> m.get("method").asString()).toList();
    assertThat(methods).containsExactly("lr", "reweighing", "threshold-eo", "eg-dp", "eg-eo");
    for (JsonNode m : report.get("methods")) {
      assertThat(m.get("accuracy").asDouble()).as(m.toString()).isBetween(0.55, 1.0);
      assertThat(m.get("accuracy").asDouble()).isEqualTo(1 - m.get("metrics").get("error").asDouble());
      assertThat(m.get("attributes").get("sex").get("eo").asDouble())
          .isEqualTo(m.get("metrics").get("eo:sex").asDouble());
      assertThat(m.get("cells").get("eo").asDouble()).isEqualTo(m.get("metrics").get("eo:cells").asDouble());
      assertThat(m.get("trainSeconds").asDouble()).isPositive();
    }
    assertThat(report.get("methods").get(4).get("details").get("iterations").asInt()).isBetween(1, 10);

    // LR fitted and measured here, as the benchmark's Baselines and Metrics do: the same numbers
    FairSchema schema = new FairSchema("income", ">50K", List.of(ProtectedSpec.of("sex", "M"),
        ProtectedSpec.of("race", "A")), List.of(), List.of(), MissingValuePolicy.DROP_ROWS);
    FairProblemLoader.Loaded train = FairProblemLoader.fit(ByteSource.of(TRAIN.getBytes(StandardCharsets.UTF_8)),
        schema);
    FairProblem test = FairProblemLoader.apply(ByteSource.of(TEST.getBytes(StandardCharsets.UTF_8)),
        train.encoding(), schema).problem();
    double[] ones = new double[train.problem().rows()];
    Arrays.fill(ones, 1);
    int[] predictions = new WeightedLogisticRegression().fit(train.problem().features(), train.problem().width(),
        train.problem().labels(), ones).predictAll(test.features(), test.width());
    CandidateTable expected = CandidateEvaluator.evaluate(predictions, test, FairnessObjective.EO, true, 20);
    JsonNode lr = report.get("methods").get(0).get("metrics");
    assertThat(lr.size()).isEqualTo(expected.columns().size());
    for (String column : expected.columns()) {
      assertThat(lr.get(column).asDouble()).as(column).isCloseTo(expected.value(0, column), within(1e-12));
    }
    String logs = http.get().uri("/jobs/{id}/logs", id).retrieve().body(String.class);
    assertThat(logs).contains("eg-dp: accuracy", "threshold-eo: accuracy");
  }

  @Test
  void baselinesHoldOutAStratifiedShareAndProtectOneAttributesGroups() {
    String id = submitId("fairness.baselines", "{\"dataset\":\"ds-train\"," + SCHEMA
        + ",\"testFraction\":0.25,\"groups\":\"race\",\"methods\":[\"reweighing\",\"threshold-eo\"],"
        + "\"protectedAsFeatures\":true}");
    JsonNode result = result(id);
    JsonNode parameters = artifact(id, "baselines.json").get("parameters");
    assertThat(parameters.get("protectedAsFeatures").asBoolean()).isTrue();
    assertThat(parameters.get("inputs").toString()).contains("sex", "race");
    assertThat(result.get("testRows").asInt()).isBetween(290, 310);
    assertThat(result.get("trainRows").asInt() + result.get("testRows").asInt()).isEqualTo(1200);
    assertThat(result.get("groups").asString()).isEqualTo("race");
    assertThat(result.get("methods").valueStream().map(m -> m.get("method").asString()).toList())
        .containsExactly("reweighing", "threshold-eo");
  }

  @Test
  void baselinesWithAnUnknownMethodOrANonPositiveEpsAreRefusedBeforeQueueing() {
    JsonNode unknown = post("{\"type\":\"fairness.baselines\",\"params\":{\"dataset\":\"ds-train\"," + SCHEMA
        + ",\"methods\":[\"lr\",\"svm\"]}}");
    assertThat(unknown.get("status").asInt()).as(unknown.toString()).isEqualTo(400);
    assertThat(unknown.get("field").asString()).isEqualTo("params.methods");
    assertThat(unknown.get("detail").asString()).contains("svm");
    JsonNode eps = post("{\"type\":\"fairness.baselines\",\"params\":{\"dataset\":\"ds-train\"," + SCHEMA
        + ",\"eps\":0}}");
    assertThat(eps.get("status").asInt()).isEqualTo(400);
    assertThat(eps.get("field").asString()).isEqualTo("params.eps");
    JsonNode groups = post("{\"type\":\"fairness.baselines\",\"params\":{\"dataset\":\"ds-train\"," + SCHEMA
        + ",\"groups\":\"age\"}}");
    assertThat(groups.get("field").asString()).isEqualTo("params.groups");
  }

  static final String TASKS = "\"tasks\":[{\"column\":\"income\",\"positive\":\">50K\"},{\"column\":\"hired\"},"
      + "{\"column\":\"senior\",\"positive\":\"yes\"}],\"protectedAttribute\":{\"column\":\"sex\","
      + "\"nonProtected\":\"M\"}";

  @Test
  void fairBranchTrainsEveryModelAndReportsGainsAgainstSingleTaskModels() {
    String id = submitId("fairness.fairbranch.train", "{\"dataset\":\"ds-tasks\"," + TASKS + ",\"testFraction\":0.3,"
        + "\"widths\":[16,8,8],\"epochs\":3,\"batchSize\":32,\"chunks\":4,\"branchEvery\":2,\"tau\":0.3,"
        + "\"learningRate\":0.01}");
    JsonNode result = result(id);
    assertThat(result.get("tasks").valueStream().map(JsonNode::asString).toList())
        .containsExactly("income", "hired", "senior");
    int fitted = result.get("trainRows").asInt();
    int held = result.get("validationRows").asInt();
    assertThat(fitted + held + result.get("testRows").asInt()).isEqualTo(700);
    assertThat(result.get("testRows").asInt()).isBetween(200, 220);
    assertThat(held).isEqualTo((int) Math.ceil(0.1 * (fitted + held)));

    JsonNode out = artifact(id, "fairbranch.json");
    assertThat(out.get("seed").asLong()).isEqualTo(7);
    assertThat(out.get("features").size()).isEqualTo(4); // x1, x2 and job one-hot
    JsonNode report = out.get("report");
    assertThat(report.get("config").get("widths").toString()).isEqualTo("[16,8,8]");
    JsonNode single = report.get("singleTask");
    for (String model : List.of("plainMultiTask", "fairBranch")) {
      JsonNode m = report.get(model);
      assertThat(m.get("epochs").size()).isEqualTo(3);
      assertThat(m.get("gains").size()).isEqualTo(4);
      for (int t = 0; t < 3; t++) {
        assertThat(m.get("tasks").get(t).get("accuracy").asDouble()).isGreaterThan(0.6);
        // KG = acc_MTL − acc_STL, recomputed from the per-task metrics
        assertThat(m.get("gains").get(t).get("knowledgeGain").asDouble()).isCloseTo(
            m.get("tasks").get(t).get("accuracy").asDouble() - single.get(t).get("accuracy").asDouble(),
            within(1e-12));
      }
    }
    // FairBranch keeps the epoch with the lowest median validation conflict count (ties: the later); MTL its last
    JsonNode epochs = report.get("fairBranch").get("epochs");
    int expected = 1;
    for (int e = 0; e < 3; e++) {
      if (epochs.get(e).get("validationConflicts").asDouble()
          <= epochs.get(expected - 1).get("validationConflicts").asDouble()) {
        expected = e + 1;
      }
    }
    assertThat(result.get("checkpointEpoch").asInt()).isEqualTo(expected);
    assertThat(report.get("fairBranch").get("checkpointEpoch").asInt()).isEqualTo(expected);
    assertThat(report.get("plainMultiTask").get("checkpointEpoch").asInt()).isEqualTo(3);
    assertThat(report.get("plainMultiTask").get("epochs").get(0).get("validationConflicts").isNull()).isTrue();
    assertThat(result.get("fairBranch").get("meanKnowledgeGain").asDouble())
        .isEqualTo(report.get("fairBranch").get("gains").get(3).get("knowledgeGain").asDouble());
    String text = http.get().uri("/jobs/{id}/artifacts/{name}", id, "fairbranch.txt").retrieve().body(String.class);
    assertThat(text).contains("KG-FB", "single-task", "branching (");
    assertThat(job(id).get("progress").get("fraction").asDouble()).isEqualTo(1.0);
  }

  @Test
  void fairBranchMeasuresOnATestTableEncodedAsTheTrainingTable() {
    String id = submitId("fairness.fairbranch.train", "{\"dataset\":\"ds-tasks\",\"testDataset\":\"ds-tasks-test\","
        + TASKS + ",\"features\":[\"x1\",\"job\"],\"widths\":[8,8],\"epochs\":1,\"chunks\":2}");
    JsonNode result = result(id);
    assertThat(result.get("trainRows").asInt()).isEqualTo(630);
    assertThat(result.get("validationRows").asInt()).isEqualTo(70);
    assertThat(result.get("testRows").asInt()).isEqualTo(150);
    JsonNode out = artifact(id, "fairbranch.json");
    assertThat(out.get("testDataset").asString()).isEqualTo("ds-tasks-test");
    assertThat(out.get("features").size()).isEqualTo(3); // x1 and job one-hot
  }

  @Test
  void fairBranchIsCancelledBetweenChunks() {
    String id = submitId("fairness.fairbranch.train", "{\"dataset\":\"ds-tasks\"," + TASKS
        + ",\"widths\":[16,8],\"epochs\":500,\"batchSize\":32,\"chunks\":4}");
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
        .until(() -> job(id).get("progress").get("stage").asString().contains("epoch"));
    http.post().uri("/jobs/{id}/cancel", id).retrieve().toBodilessEntity();
    JsonNode done = awaitEnd(id);
    assertThat(done.get("state").asString()).as(done.toString()).isEqualTo("CANCELLED");
    assertThat(done.get("progress").get("fraction").asDouble()).isLessThan(0.5);
  }

  @Test
  void fairBranchWithOneTaskOrATaskThatIsTheProtectedColumnIsRefusedBeforeQueueing() {
    JsonNode one = post("{\"type\":\"fairness.fairbranch.train\",\"params\":{\"dataset\":\"ds-tasks\","
        + "\"tasks\":[{\"column\":\"income\",\"positive\":\">50K\"}],"
        + "\"protectedAttribute\":{\"column\":\"sex\",\"nonProtected\":\"M\"}}}");
    assertThat(one.get("status").asInt()).as(one.toString()).isEqualTo(400);
    assertThat(one.get("field").asString()).isEqualTo("params.tasks");
    JsonNode clash = post("{\"type\":\"fairness.fairbranch.train\",\"params\":{\"dataset\":\"ds-tasks\","
        + "\"tasks\":[{\"column\":\"income\",\"positive\":\">50K\"},{\"column\":\"sex\"}],"
        + "\"protectedAttribute\":{\"column\":\"sex\",\"nonProtected\":\"M\"}}}");
    assertThat(clash.get("status").asInt()).isEqualTo(400);
    assertThat(clash.get("column").asString()).isEqualTo("sex");
    JsonNode tau = post("{\"type\":\"fairness.fairbranch.train\",\"params\":{\"dataset\":\"ds-tasks\"," + TASKS
        + ",\"tau\":1.5}}");
    assertThat(tau.get("field").asString()).isEqualTo("params.tau");
    JsonNode validation = post("{\"type\":\"fairness.fairbranch.train\",\"params\":{\"dataset\":\"ds-tasks\","
        + TASKS + ",\"validationFraction\":0.6}}");
    assertThat(validation.get("field").asString()).isEqualTo("params.validationFraction");
  }

  @Test
  void fairBranchOnATaskColumnWithManyValuesFailsNamingIt() {
    JsonNode done = awaitEnd(submitId("fairness.fairbranch.train", "{\"dataset\":\"ds-tasks\","
        + "\"tasks\":[{\"column\":\"income\",\"positive\":\">50K\"},{\"column\":\"x1\"}],"
        + "\"protectedAttribute\":{\"column\":\"sex\",\"nonProtected\":\"M\"},\"epochs\":1}"));
    assertThat(done.get("state").asString()).isEqualTo("FAILED");
    assertThat(done.get("error").get("type").asString()).isEqualTo("urn:trustml:problem:label-not-binary");
    assertThat(done.get("error").get("column").asString()).isEqualTo("x1");
  }
}
