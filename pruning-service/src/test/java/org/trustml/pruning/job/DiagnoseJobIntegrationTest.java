package org.trustml.pruning.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.trustml.core.artifact.ArtifactStore;
import org.trustml.core.catalog.CatalogClient;
import org.trustml.core.catalog.DatasetDescriptor;
import org.trustml.core.catalog.DatasetRegistration;
import org.trustml.core.dataset.NpyReader;
import org.trustml.core.dataset.NpyWriter;
import org.trustml.core.testing.JobsHttp;
import org.trustml.core.testing.ServiceTestProperties;
import org.trustml.pruning.PruningApplication;
import org.trustml.pruning.diagnostics.SampleMap;
import org.trustml.pruning.manifold.ManifoldEmbedding;
import org.trustml.pruning.manifold.ManifoldParams;
import org.trustml.pruning.manifold.ManifoldStage;
import org.trustml.pruning.manifold.UmapParams;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * score → select → diagnose over HTTP on the platform (embedded PostgreSQL, artifact store, worker; catalog mocked as
 * in {@link PruningJobsIntegrationTest}) on a blob class and a ring class: the ring has one long H1 bar, the kept
 * counts are the select job's, the map's coordinates are the library's manifold on the score job's seed and
 * switches (the stored float32 coordinates, or a rerun for a score job without them), the PNG decodes; and bad input is a 400 naming the field with nothing queued.
 */
@SpringBootTest(classes = PruningApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DiagnoseJobIntegrationTest {

  @TempDir static Path artifacts;

  @DynamicPropertySource
  static void props(DynamicPropertyRegistry r) {
    ServiceTestProperties.register(r, artifacts);
    r.add("trustml.pruning.threads", () -> "2");
  }

  static final String OWNER = "anonymous";
  static final long SEED = 11;
  static final int D = 6;
  static final int PER_CLASS = 80;
  /** Class 0: a Gaussian blob around 5·e2; class 1: a circle of radius 3 in the first two coordinates. */
  static final float[] POINTS = new float[2 * PER_CLASS * D];
  static final int[] LABELS = new int[2 * PER_CLASS];

  static {
    Random r = new Random(4);
    for (int i = 0; i < LABELS.length; i++) {
      LABELS[i] = i % 2;
      double a = 2 * Math.PI * r.nextDouble();
      for (int k = 0; k < D; k++) {
        POINTS[i * D + k] = (float) ((LABELS[i] == 0 ? 0.3 : 0.05) * r.nextGaussian());
      }
      if (LABELS[i] == 0) {
        POINTS[i * D + 2] += 5;
      } else {
        POINTS[i * D] += (float) (3 * Math.cos(a));
        POINTS[i * D + 1] += (float) (3 * Math.sin(a));
      }
    }
  }

  static final String INPUT = "{\"dataset\":\"ring\",\"labels\":\"ring-labels\"}";
  static final String QUICK = "\"manifold\":{\"epochs\":60},\"local\":{\"patchK\":8}";

  @LocalServerPort int port;
  @Autowired ArtifactStore store;
  @Autowired JdbcClient jdbc;
  @MockitoBean CatalogClient catalog;
  JobsHttp jobs;
  PruningDatasets datasets;
  final JsonMapper json = JsonMapper.builder().build();

  @BeforeEach
  void setUp() {
    jobs = new JobsHttp(port, "/api/v1/pruning", null, SEED, Duration.ofSeconds(90));
    datasets = new PruningDatasets(store, catalog, OWNER);
    datasets.npy("ring", NpyWriter.float32(POINTS, LABELS.length, D), List.of(LABELS.length, D), "float32");
    datasets.npy("ring-labels", NpyWriter.int64(LABELS), List.of(LABELS.length), "int64");
    float[] other = POINTS.clone();
    other[0] += 1;
    datasets.npy("other", NpyWriter.float32(other, LABELS.length, D), List.of(LABELS.length, D), "float32");
    given(catalog.registerDataset(any())).willAnswer(inv -> {
      DatasetRegistration r = inv.getArgument(0);
      return new DatasetDescriptor("sub-" + UUID.randomUUID(), r.owner(), r.name(), r.format(), r.artifact(), 0, 0,
          List.of(), r.labelColumn(), r.protectedColumns(), List.of(), null, r.lineage(), OffsetDateTime.now());
    });
  }

  /** Runs a job that must succeed: its id. */
  String run(String type, String params) {
    JsonNode done = jobs.run(type, params);
    assertThat(done.get("state").asString()).as(done.toString()).isEqualTo("SUCCEEDED");
    return done.get("id").asString();
  }

  void assertRefused(String params, String problem, String field, String detail) {
    JsonNode refused = jobs.post("pruning.diagnose", params);
    assertThat(refused.get("status").asInt()).as(refused.toString()).isEqualTo(400);
    assertThat(refused.get("type").asString()).as(refused.toString()).isEqualTo("urn:trustml:problem:" + problem);
    assertThat(refused.get("field").asString()).as(refused.toString()).isEqualTo(field);
    assertThat(refused.get("detail").asString()).as(refused.toString()).contains(detail);
  }

  int jobCount() {
    return jobs.client().get().uri("/jobs?pageSize=500").retrieve().body(JsonNode.class).get("jobs").size();
  }

  @Test
  void scoreSelectDiagnoseShowsTheRingsCycleTheKeptSetAndTheScoresManifold() throws IOException {
    String score = run("pruning.score", "{\"embeddings\":" + INPUT + "," + QUICK + "}");
    String select = run("pruning.select", "{\"embeddings\":" + INPUT + ",\"scores\":\"" + score
        + "\",\"pruneRate\":0.75}");
    int[] keptIds = NpyReader.readInts(new ByteArrayInputStream(jobs.artifact(select, "kept.npy"))).data();
    JsonNode selected = jobs.result(select);

    // in the latent space (the L2-normalised inputs) the ring is a unit circle: one bar from about the landmarks'
    // spacing to about √3, every other bar short
    String diagnose = run("pruning.diagnose", "{\"scores\":\"" + score + "\",\"selection\":\"" + select
        + "\",\"maxPoints\":50,\"bins\":8,\"mapPoints\":100,\"space\":\"latent\"}");
    JsonNode report = json.readTree(jobs.artifact(diagnose, "diagnostics.json"));
    assertThat(report.get("space").asString()).isEqualTo("latent");
    JsonNode blob = report.get("classes").get(0);
    JsonNode ring = report.get("classes").get(1);
    assertThat(ring.get("label").asString()).isEqualTo("1");
    assertThat(ring.get("samples").asInt()).isEqualTo(PER_CLASS);
    assertThat(ring.get("landmarks").asInt()).isEqualTo(50);
    assertThat(ring.get("coveringRadius").asDouble()).isPositive();
    assertThat(ring.get("bottleneckBound").asDouble()).isEqualTo(2 * ring.get("coveringRadius").asDouble());
    int longBars = 0;
    double longest = 0;
    for (JsonNode bar : ring.get("h1").get("finite")) {
      double persistence = bar.get(1).asDouble() - bar.get(0).asDouble();
      longBars += persistence > 0.5 ? 1 : 0;
      longest = Math.max(longest, persistence);
    }
    assertThat(longBars).isEqualTo(1);
    assertThat(longest).isBetween(1.2, Math.sqrt(3));
    for (JsonNode bar : blob.get("h1").get("finite")) {
      assertThat(bar.get(1).asDouble() - bar.get(0).asDouble()).isLessThan(0.1);
    }
    assertThat(ring.get("h0").get("essential").size()).isEqualTo(1);
    assertThat(ring.get("h0").get("finite").size()).isEqualTo(49);
    assertThat(ring.get("betti").get("radii").size()).isEqualTo(64);

    // kept counts: the select job's, per class and per histogram bin
    boolean[] kept = new boolean[LABELS.length];
    for (int id : keptIds) {
      kept[id] = true;
    }
    for (int c = 0; c < 2; c++) {
      JsonNode cls = report.get("classes").get(c);
      int keptInClass = selected.get("classes").get(Integer.toString(c)).get("kept").asInt();
      assertThat(cls.get("kept").asInt()).isEqualTo(keptInClass);
      JsonNode histogram = cls.get("histogram");
      assertThat(histogram.get("total").size()).isEqualTo(8);
      int total = 0;
      int keptSum = 0;
      for (int b = 0; b < 8; b++) {
        total += histogram.get("total").get(b).asInt();
        keptSum += histogram.get("kept").get(b).asInt();
      }
      assertThat(total).isEqualTo(PER_CLASS);
      assertThat(keptSum).isEqualTo(keptInClass);
    }
    JsonNode map = report.get("map");
    assertThat(map.get("ids").size()).isEqualTo(100);
    for (int r = 0; r < 100; r++) {
      int id = map.get("ids").get(r).asInt();
      assertThat(map.get("kept").get(r).asBoolean()).isEqualTo(kept[id]);
      assertThat(map.get("classes").get(r).asInt()).isEqualTo(LABELS[id]);
    }

    BufferedImage png = ImageIO.read(new ByteArrayInputStream(jobs.artifact(diagnose, "diagnostics.png")));
    assertThat(png).isNotNull();
    assertThat(png.getWidth()).isEqualTo(1500);
    JsonNode manifest = json.readTree(jobs.artifact(diagnose, "manifest.json"));
    assertThat(manifest.get("seed").asLong()).isEqualTo(SEED);
    assertThat(manifest.get("scoresJob").asString()).isEqualTo(score);
    assertThat(manifest.get("selectionJob").asString()).isEqualTo(select);
    assertThat(manifest.get("params").get("maxPoints").asInt()).isEqualTo(50);
    assertThat(manifest.get("params").get("space").asString()).isEqualTo("latent");
    assertThat(manifest.get("params").get("curvePoints").asInt()).isEqualTo(64);
    assertThat(manifest.get("manifold").get("epochs").asInt()).isEqualTo(60);
    assertThat(manifest.get("datasets").toString()).isEqualTo("[\"ring\",\"ring-labels\"]");
    assertThat(manifest.get("seconds").has("manifold")).isTrue();
    JsonNode summary = jobs.result(diagnose);
    assertThat(summary.get("classes").get("1").get("longestH1").asDouble()).isEqualTo(longest);

    // without a selection, in the manifold space: every sample on the map (5,000 > 160), at the coordinates of the
    // library's manifold on the score job's seed and switches, projected per class
    String plain = run("pruning.diagnose", "{\"scores\":\"" + score + "\",\"maxPoints\":30}");
    JsonNode manifoldReport = json.readTree(jobs.artifact(plain, "diagnostics.json"));
    assertThat(manifoldReport.get("space").asString()).isEqualTo("manifold");
    assertThat(manifoldReport.get("classes").get(0).has("kept")).isTrue();
    assertThat(manifoldReport.get("classes").get(0).get("kept").isNull()).isTrue();
    double[] z = new double[POINTS.length];
    for (int i = 0; i < z.length; i++) {
      z[i] = POINTS[i];
    }
    ManifoldParams params = ManifoldParams.defaults(SEED).withUmap(UmapParams.defaults(SEED).withEpochs(60))
        .withThreads(1);
    ManifoldEmbedding m = ManifoldStage.run(z, D, LABELS, params);
    // the score job stored these coordinates as float32 (manifold.npy), and diagnose maps what it stored
    double[] stored = new double[m.embedded().length];
    for (int i = 0; i < stored.length; i++) {
      stored[i] = (float) m.embedded()[i];
    }
    org.trustml.core.dataset.NpyArray written = NpyReader.readFloats(new ByteArrayInputStream(jobs.artifact(score,
        "manifold.npy")));
    assertThat(written.shape()).containsExactly(LABELS.length, m.dimension());
    for (int i = 0; i < stored.length; i++) {
      assertThat((double) written.data()[i]).as("manifold value %d", i).isEqualTo(stored[i]);
    }
    SampleMap expected = SampleMap.of(stored, m.dimension(), LABELS, true, new double[LABELS.length], null,
        5_000, 0);
    JsonNode got = manifoldReport.get("map");
    assertThat(got.get("frame").asString()).isEqualTo("per-class");
    assertThat(got.get("ids").size()).isEqualTo(LABELS.length);
    for (int i = 0; i < LABELS.length; i++) {
      assertThat(got.get("x").get(i).asDouble()).as("x of %d", i).isEqualTo(expected.x()[i]);
      assertThat(got.get("y").get(i).asDouble()).as("y of %d", i).isEqualTo(expected.y()[i]);
    }

    // a score job from before manifold.npy existed: diagnose reruns its manifold stage (same seed and switches)
    // and maps the rerun's double coordinates, not the float32 ones stored above
    String older = run("pruning.score", "{\"embeddings\":" + INPUT + "," + QUICK + "}");
    assertThat(jdbc.sql("DELETE FROM job_artifact WHERE job_id = ? AND name = 'manifold.npy'")
        .param(UUID.fromString(older)).update()).isEqualTo(1);
    String rerun = run("pruning.diagnose", "{\"scores\":\"" + older + "\",\"maxPoints\":30}");
    JsonNode rerunMap = json.readTree(jobs.artifact(rerun, "diagnostics.json")).get("map");
    SampleMap fromRerun = SampleMap.of(m.embedded(), m.dimension(), LABELS, true, new double[LABELS.length], null,
        5_000, 0);
    boolean differsFromStored = false;
    for (int i = 0; i < LABELS.length; i++) {
      assertThat(rerunMap.get("x").get(i).asDouble()).as("rerun x of %d", i).isEqualTo(fromRerun.x()[i]);
      assertThat(rerunMap.get("y").get(i).asDouble()).as("rerun y of %d", i).isEqualTo(fromRerun.y()[i]);
      differsFromStored |= fromRerun.x()[i] != expected.x()[i];
    }
    assertThat(differsFromStored).as("float32 rounding tells the two paths apart").isTrue();

    // refused before queueing, naming the field
    int before = jobCount();
    assertRefused("{\"scores\":\"" + select + "\"}", "unknown-scores", "params.scores",
        "is a pruning.select job, not pruning.score");
    assertRefused("{\"scores\":\"" + UUID.randomUUID() + "\"}", "unknown-scores", "params.scores", "no job");
    assertRefused("{\"scores\":\"nope\"}", "unknown-scores", "params.scores", "not a job id");
    assertRefused("{\"scores\":\"" + score + "\",\"selection\":\"" + score + "\"}", "unknown-selection",
        "params.selection", "is a pruning.score job, not pruning.select");
    String otherSelect = run("pruning.select", "{\"embeddings\":{\"dataset\":\"other\",\"labels\":\"ring-labels\"},"
        + "\"method\":\"random\",\"pruneRate\":0.5}");
    before++;
    assertRefused("{\"scores\":\"" + score + "\",\"selection\":\"" + otherSelect + "\"}", "selection-mismatch",
        "params.selection", "selected from datasets with digests");
    assertRefused("{\"scores\":\"" + score + "\",\"maxPoints\":2}", "invalid-params", "params.maxPoints",
        "greater than or equal to 3");
    assertRefused("{\"scores\":\"" + score + "\",\"bins\":0}", "invalid-params", "params.bins", "");
    assertRefused("{\"scores\":\"" + score + "\",\"mapPoints\":0}", "invalid-params", "params.mapPoints", "");
    assertRefused("{\"scores\":\"" + score + "\",\"space\":\"torus\"}", "invalid-params", "params.space", "");
    assertRefused("{}", "invalid-params", "params.scores", "");
    assertThat(jobCount()).isEqualTo(before);
  }
}
