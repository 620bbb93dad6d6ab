package org.trustml.pruning.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.web.client.RestClient;
import org.trustml.core.artifact.ArtifactRef;
import org.trustml.core.artifact.ArtifactStore;
import org.trustml.core.catalog.CatalogClient;
import org.trustml.core.catalog.ColumnInfo;
import org.trustml.core.catalog.DatasetDescriptor;
import org.trustml.core.catalog.DatasetRegistration;
import org.trustml.core.catalog.Lineage;
import org.trustml.core.dataset.CsvReader;
import org.trustml.core.dataset.DatasetSummary;
import org.trustml.core.dataset.ImageFolderInspector;
import org.trustml.core.dataset.NpyIntArray;
import org.trustml.core.dataset.NpyReader;
import org.trustml.core.testing.ImageFolderZips;
import org.trustml.core.testing.JobsHttp;
import org.trustml.core.testing.ServiceTestProperties;
import org.trustml.pruning.PruningApplication;
import org.trustml.pruning.manifold.ManifoldEmbedding;
import org.trustml.pruning.manifold.ManifoldParams;
import org.trustml.pruning.manifold.ManifoldStage;
import org.trustml.pruning.manifold.UmapParams;
import org.trustml.pruning.score.LocalScoreParams;
import org.trustml.pruning.score.StructuralComplexityScorer;
import org.trustml.pruning.selection.SelectionParams;
import org.trustml.pruning.selection.Selector;
import tools.jackson.databind.JsonNode;

/**
 * The score and select jobs over HTTP on the platform (embedded PostgreSQL, artifact store, worker), with the
 * catalog mocked: scores equal to the library's on the same seed and switches, the kept rows registered as a new
 * dataset with lineage and read back, and every bad input refused with a 400 naming the field before anything is
 * queued (or, for data too large to read at submission, a failed job with that problem and nothing registered).
 */
@SpringBootTest(classes = PruningApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PruningJobsIntegrationTest {

  @TempDir static Path artifacts;

  @DynamicPropertySource
  static void props(DynamicPropertyRegistry r) {
    ServiceTestProperties.register(r, artifacts);
    // small enough that the "big" dataset below is checked by its job rather than at submission
    r.add("trustml.pruning.validation-read-limit", () -> "16KB");
    r.add("trustml.pruning.threads", () -> "2");
  }

  static final String OWNER = "anonymous";
  static final long SEED = 7;
  static final SyntheticEmbeddings DATA = new SyntheticEmbeddings(60, 3);

  @LocalServerPort int port;
  @Autowired ArtifactStore store;
  @MockitoBean CatalogClient catalog;
  JobsHttp jobs;
  PruningDatasets datasets;
  RestClient http;
  final List<DatasetRegistration> registered = new ArrayList<>();

  @BeforeEach
  void setUp() throws IOException {
    jobs = new JobsHttp(port, "/api/v1/pruning", null, SEED, Duration.ofSeconds(90));
    datasets = new PruningDatasets(store, catalog, OWNER);
    http = jobs.client();
    npy("emb", DATA.npy(), List.of(DATA.size(), SyntheticEmbeddings.DIMENSION), "float32");
    npy("emb-labels", DATA.labelsNpy(), List.of(DATA.size()), "int64");
    List<ColumnInfo> schema = new ArrayList<>();
    for (int k = 0; k < SyntheticEmbeddings.DIMENSION; k++) {
      schema.add(new ColumnInfo("e" + k, "NUMBER", "FEATURE", 0, DATA.size()));
    }
    schema.add(new ColumnInfo("label", "STRING", "LABEL", 0, 3));
    csv("emb-csv", DATA.csv(), schema, "label");
    List<ColumnInfo> withMissing = new ArrayList<>(schema);
    withMissing.set(3, new ColumnInfo("e3", "NUMBER", "FEATURE", 2, DATA.size()));
    csv("emb-csv-missing", DATA.csv(), withMissing, "label");

    // 40 samples of class 3 and 2 of class 8: at rate 0.9 class 8's proportional budget is 0
    SyntheticEmbeddings tiny = new SyntheticEmbeddings(14, 5);
    int[] tinyLabels = new int[tiny.size()];
    Arrays.fill(tinyLabels, 3);
    tinyLabels[3] = 8;
    tinyLabels[7] = 8;
    npy("tiny", tiny.npy(), List.of(tiny.size(), SyntheticEmbeddings.DIMENSION), "float32");
    npy("tiny-labels", org.trustml.core.dataset.NpyWriter.int64(tinyLabels), List.of(tiny.size()), "int64");

    SyntheticEmbeddings nan = new SyntheticEmbeddings(10, 9);
    nan.points[5 * SyntheticEmbeddings.DIMENSION + 2] = Float.NaN;
    npy("nan", nan.npy(), List.of(nan.size(), SyntheticEmbeddings.DIMENSION), "float32");
    SyntheticEmbeddings big = new SyntheticEmbeddings(200, 11);
    big.points[599 * SyntheticEmbeddings.DIMENSION] = Float.POSITIVE_INFINITY;
    npy("big-inf", big.npy(), List.of(big.size(), SyntheticEmbeddings.DIMENSION), "float32");

    AtomicInteger ids = new AtomicInteger();
    given(catalog.registerDataset(any())).willAnswer(inv -> {
      DatasetRegistration r = inv.getArgument(0);
      registered.add(r);
      return new DatasetDescriptor("sub-" + ids.incrementAndGet(), r.owner(), r.name(), r.format(), r.artifact(),
          0, 0, List.of(), r.labelColumn(), r.protectedColumns(), List.of(), null, r.lineage(), OffsetDateTime.now());
    });
  }

  void npy(String id, byte[] bytes, List<Integer> shape, String dtype) {
    datasets.npy(id, bytes, shape, dtype);
  }

  void csv(String id, byte[] bytes, List<ColumnInfo> schema, String label) {
    datasets.csv(id, bytes, DATA.size(), schema, label);
  }

  JsonNode post(String type, String params) {
    return jobs.post(type, params);
  }

  JsonNode run(String type, String params) {
    return jobs.run(type, params);
  }

  JsonNode result(JsonNode job) {
    return jobs.result(job);
  }

  byte[] artifact(JsonNode job, String name) {
    return jobs.artifact(job.get("id").asString(), name);
  }

  static List<String[]> csvRows(byte[] bytes) throws IOException {
    List<String[]> rows = new ArrayList<>();
    try (CsvReader r = CsvReader.open(new ByteArrayInputStream(bytes))) {
      rows.add(r.columnNames().toArray(String[]::new));
      while (r.hasNext()) {
        rows.add(r.next());
      }
    }
    return rows;
  }

  static final String NPY_INPUT = "{\"dataset\":\"emb\",\"labels\":\"emb-labels\"}";
  static final String QUICK = "\"manifold\":{\"epochs\":60},\"local\":{\"patchK\":8}";

  /** The library's pipeline on the same data, seed and switches: what the score job must reproduce exactly. */
  static double[] libraryScores() {
    ManifoldParams params = ManifoldParams.defaults(SEED).withUmap(UmapParams.defaults(SEED).withEpochs(60))
        .withThreads(1);
    ManifoldEmbedding m = ManifoldStage.run(DATA.doubles(), SyntheticEmbeddings.DIMENSION, DATA.labels, params);
    return StructuralComplexityScorer.score(m, DATA.labels, params.scope(),
        LocalScoreParams.defaults().withPatchK(8).withThreads(1), SEED);
  }

  @Test
  void scoresThenSelectsWithCcsAndRegistersTheKeptRowsWithLineage() throws IOException {
    JsonNode scoreJob = run("pruning.score", "{\"embeddings\":" + NPY_INPUT + "," + QUICK + "}");
    JsonNode scored = result(scoreJob);
    assertThat(scored.get("samples").asInt()).isEqualTo(180);
    assertThat(scored.get("classes").toString()).isEqualTo("{\"0\":60,\"1\":60,\"2\":60}");

    double[] expected = libraryScores();
    List<String[]> rows = csvRows(artifact(scoreJob, "scores.csv"));
    assertThat(rows.get(0)).containsExactly("index", "label", "score");
    assertThat(rows).hasSize(181);
    for (int i = 0; i < 180; i++) {
      assertThat(rows.get(i + 1)[0]).isEqualTo(Integer.toString(i));
      assertThat(rows.get(i + 1)[1]).isEqualTo(Integer.toString(DATA.labels[i]));
      assertThat(Double.parseDouble(rows.get(i + 1)[2])).as("score %d", i).isEqualTo(expected[i]);
    }
    JsonNode manifest = tools.jackson.databind.json.JsonMapper.builder().build()
        .readTree(artifact(scoreJob, "manifest.json"));
    assertThat(manifest.get("seed").asLong()).isEqualTo(SEED);
    assertThat(manifest.get("manifold").get("epochs").asInt()).isEqualTo(60);
    assertThat(manifest.get("manifold").get("scope").asString()).isEqualTo("per-class");
    assertThat(manifest.get("manifold").get("init").asString()).isEqualTo("random");
    assertThat(manifest.get("local").get("variant").asString()).isEqualTo("topo-consistency");
    assertThat(manifest.get("datasets").toString()).isEqualTo("[\"emb\",\"emb-labels\"]");

    JsonNode selectJob = run("pruning.select", "{\"embeddings\":" + NPY_INPUT + ",\"scores\":\""
        + scoreJob.get("id").asString() + "\",\"pruneRate\":0.8}");
    JsonNode selected = result(selectJob);
    assertThat(selected.get("kept").asInt()).isEqualTo(36);
    assertThat(selected.get("pruned").asInt()).isEqualTo(144);
    assertThat(selected.get("name").asString()).isEqualTo("emb-ccs-prune80");
    int[] kept = Selector.select(expected, DATA.labels, SelectionParams.defaults(0.8, SEED)).kept();
    NpyIntArray keptArtifact = NpyReader.readInts(new ByteArrayInputStream(artifact(selectJob, "kept.npy")));
    assertThat(keptArtifact.data()).containsExactly(kept);
    List<String[]> selection = csvRows(artifact(selectJob, "selection.csv"));
    assertThat(selection.get(0)).containsExactly("index", "label", "kept", "score", "rank", "stratum");
    assertThat(selection.stream().skip(1).filter(r -> r[2].equals("true")).mapToInt(r -> Integer.parseInt(r[0]))
        .toArray()).containsExactly(kept);

    // the registered subset holds exactly the kept rows, byte for byte, and their labels; lineage to both sources
    assertThat(registered).hasSize(2);
    DatasetRegistration embeddings = registered.get(0);
    DatasetRegistration labels = registered.get(1);
    assertThat(embeddings.name()).isEqualTo("emb-ccs-prune80");
    assertThat(labels.name()).isEqualTo("emb-ccs-prune80-labels");
    assertThat(selected.get("dataset").asString()).isEqualTo("sub-1");
    assertThat(selected.get("labelsDataset").asString()).isEqualTo("sub-2");
    for (DatasetRegistration r : registered) {
      assertThat(r.format()).isEqualTo("npy");
      assertThat(r.lineage().parents()).containsExactly("emb", "emb-labels");
      assertThat(r.lineage().service()).isEqualTo("pruning");
      assertThat(r.lineage().jobId()).isEqualTo(selectJob.get("id").asString());
    }
    float[] subset = read(embeddings.artifact()).data();
    int d = SyntheticEmbeddings.DIMENSION;
    assertThat(subset).hasSize(36 * d);
    for (int r = 0; r < kept.length; r++) {
      assertThat(Arrays.copyOfRange(subset, r * d, r * d + d))
          .containsExactly(Arrays.copyOfRange(DATA.points, kept[r] * d, kept[r] * d + d));
    }
    int[] subsetLabels = readInts(labels.artifact()).data();
    for (int r = 0; r < kept.length; r++) {
      assertThat(subsetLabels[r]).isEqualTo(DATA.labels[kept[r]]);
    }

    // the same scores, used on data of another size, are refused before queueing
    JsonNode mismatch = post("pruning.select", "{\"embeddings\":{\"dataset\":\"tiny\",\"labels\":\"tiny-labels\"},"
        + "\"scores\":\"" + scoreJob.get("id").asString() + "\",\"pruneRate\":0.5}");
    assertThat(mismatch.get("status").asInt()).as(mismatch.toString()).isEqualTo(400);
    assertThat(mismatch.get("type").asString()).isEqualTo("urn:trustml:problem:size-mismatch");
    assertThat(mismatch.get("field").asString()).isEqualTo("params.scores");
    // and so is a job that is not a score job
    JsonNode notScores = post("pruning.select", "{\"embeddings\":" + NPY_INPUT + ",\"scores\":\""
        + selectJob.get("id").asString() + "\",\"pruneRate\":0.5}");
    assertThat(notScores.get("type").asString()).as(notScores.toString())
        .isEqualTo("urn:trustml:problem:unknown-scores");
    assertThat(notScores.get("detail").asString()).contains("is a pruning.select job");
  }

  org.trustml.core.dataset.NpyArray read(ArtifactRef ref) throws IOException {
    try (InputStream in = store.open(ref.sha256())) {
      return NpyReader.readFloats(in);
    }
  }

  NpyIntArray readInts(ArtifactRef ref) throws IOException {
    try (InputStream in = store.open(ref.sha256())) {
      return NpyReader.readInts(in);
    }
  }

  @Test
  void aRandomClassBalancedSelectionOfACsvTableRegistersItsRows() throws IOException {
    JsonNode job = run("pruning.select", "{\"embeddings\":{\"dataset\":\"emb-csv\"},\"method\":\"random\","
        + "\"pruneRate\":0.75,\"budget\":\"uniform\",\"name\":\"quarter\"}");
    JsonNode result = result(job);
    assertThat(result.get("kept").asInt()).isEqualTo(45);
    for (String c : SyntheticEmbeddings.NAMES) {
      assertThat(result.get("classes").get(c).get("samples").asInt()).isEqualTo(60);
      assertThat(result.get("classes").get(c).get("kept").asInt()).isEqualTo(15);
    }
    int[] kept = NpyReader.readInts(new ByteArrayInputStream(artifact(job, "kept.npy"))).data();
    assertThat(kept).hasSize(45);

    assertThat(registered).hasSize(1);
    DatasetRegistration r = registered.get(0);
    assertThat(r.name()).isEqualTo("quarter");
    assertThat(r.format()).isEqualTo("csv");
    assertThat(r.labelColumn()).isEqualTo("label");
    assertThat(r.lineage().parents()).containsExactly("emb-csv");
    assertThat(r.lineage().jobId()).isEqualTo(job.get("id").asString());
    List<String[]> source = csvRows(DATA.csv());
    List<String[]> subset;
    try (InputStream in = store.open(r.artifact().sha256())) {
      subset = csvRows(in.readAllBytes());
    }
    assertThat(subset).hasSize(46);
    assertThat(subset.get(0)).containsExactly(source.get(0));
    int[] perClass = new int[3];
    for (int i = 0; i < kept.length; i++) {
      assertThat(subset.get(i + 1)).containsExactly(source.get(kept[i] + 1));
      perClass[DATA.labels[kept[i]]]++;
    }
    assertThat(perClass).containsExactly(15, 15, 15);
    List<String> selection = List.of(new String(artifact(job, "selection.csv"), StandardCharsets.UTF_8).split("\n"));
    assertThat(selection.get(0)).isEqualTo("index,label,kept");
  }

  /** IDX uint8 images (3 classes of noisy bars, 12 x 12) and their labels, registered as idx datasets. */
  void idxImages(String images, String labels, int perClass, int side) {
    java.util.Random random = new java.util.Random(5);
    int n = 3 * perClass;
    java.nio.ByteBuffer x = java.nio.ByteBuffer.allocate(16 + n * side * side).putInt(0x803).putInt(n).putInt(side)
        .putInt(side);
    java.nio.ByteBuffer y = java.nio.ByteBuffer.allocate(8 + n).putInt(0x801).putInt(n);
    for (int i = 0; i < n; i++) {
      int c = i % 3;
      for (int r = 0; r < side; r++) {
        for (int col = 0; col < side; col++) {
          boolean bar = c == 0 ? r == side / 2 : c == 1 ? col == side / 2 : r == col;
          x.put((byte) Math.min(255, (bar ? 200 : 0) + random.nextInt(50)));
        }
      }
      y.put((byte) c);
    }
    for (String[] d : new String[][] {{images, "3"}, {labels, "1"}}) {
      byte[] bytes = d[1].equals("3") ? x.array() : y.array();
      ArtifactRef ref = store.putBytes(bytes, "application/octet-stream", d[0] + ".idx");
      List<Integer> shape = d[1].equals("3") ? List.of(n, side, side) : List.of(n);
      given(catalog.dataset(eq(OWNER), eq(d[0]))).willReturn(new DatasetDescriptor(d[0], OWNER, d[0], "idx", ref,
          n, d[1].equals("3") ? side * side : 1, List.of(), null, List.of(), shape, "uint8", Lineage.upload(),
          OffsetDateTime.now()));
    }
  }

  @Test
  void embedTrainsTheEncoderRegistersItsEmbeddingsAndItsAumDrivesACcsSelection() throws IOException {
    idxImages("imgs", "imgs-labels", 30, 12);
    JsonNode embed = run("pruning.embed", "{\"images\":\"imgs\",\"labels\":\"imgs-labels\",\"embeddingDim\":8,"
        + "\"epochs\":2,\"batchSize\":16,\"name\":\"bars\"}");
    JsonNode embedded = result(embed);
    assertThat(embedded.get("samples").asInt()).isEqualTo(90);
    assertThat(embedded.get("dimension").asInt()).isEqualTo(8);
    assertThat(embedded.get("trainAccuracy").asDouble()).isGreaterThan(0.9);
    assertThat(registered).hasSize(2);
    assertThat(registered.get(0).name()).isEqualTo("bars");
    assertThat(registered.get(1).name()).isEqualTo("bars-labels");
    assertThat(registered.get(0).lineage().parents()).containsExactly("imgs", "imgs-labels");
    assertThat(registered.get(0).lineage().jobId()).isEqualTo(embed.get("id").asString());
    org.trustml.core.dataset.NpyArray z = read(registered.get(0).artifact());
    assertThat(z.shape()).containsExactly(90, 8);
    int[] labels = readInts(registered.get(1).artifact()).data();
    for (int i = 0; i < 90; i++) {
      assertThat(labels[i]).isEqualTo(i % 3);
    }
    // the library's encoder on the same images, spec and seed gives the same embeddings, value for value
    org.trustml.ml.MlEngine ml = org.trustml.ml.MlEngine.fromEnvironment();
    try (ai.djl.ndarray.NDManager m = ml.newManager()) {
      org.trustml.ml.LabeledData data = org.trustml.ml.ArrayLoaders.idx(
          () -> store.open(catalog.dataset(OWNER, "imgs").artifact().sha256()),
          () -> store.open(catalog.dataset(OWNER, "imgs-labels").artifact().sha256()), m,
          org.trustml.ml.ArrayOptions.images());
      org.trustml.pruning.encoder.EncoderSpec d = org.trustml.pruning.encoder.EncoderSpec.defaults(
          org.trustml.pruning.encoder.Architecture.SMALL_CNN, 3, SEED);
      org.trustml.pruning.encoder.EncoderSpec spec = new org.trustml.pruning.encoder.EncoderSpec(d.architecture(), 8,
          3, d.optimizer(), 16, d.epochs(), d.el2nEpochs(), SEED).withEpochs(2);
      try (org.trustml.pruning.encoder.TrainedEncoder library = org.trustml.pruning.encoder.EncoderTraining.train(ml,
          data, spec, org.trustml.ml.ProgressListener.NONE, org.trustml.ml.CancellationCheck.NONE)) {
        float[][] expected = library.embed(data.features());
        for (int i = 0; i < 90; i++) {
          assertThat(Arrays.copyOfRange(z.data(), i * 8, i * 8 + 8)).as("sample %d", i).containsExactly(expected[i]);
        }
      }
    }
    List<String[]> aumRows = csvRows(artifact(embed, "aum.csv"));
    assertThat(aumRows.get(0)).containsExactly("index", "label", "score");
    assertThat(aumRows).hasSize(91);
    double[] aum = aumRows.stream().skip(1).mapToDouble(r -> Double.parseDouble(r[2])).toArray();

    // registered as the select job reads embeddings: CCS over AUM (low = hard) keeps what the library keeps
    try (InputStream in = store.open(registered.get(0).artifact().sha256())) {
      npy("bars", in.readAllBytes(), List.of(90, 8), "float32");
    }
    try (InputStream in = store.open(registered.get(1).artifact().sha256())) {
      npy("bars-labels", in.readAllBytes(), List.of(90), "int64");
    }
    JsonNode select = run("pruning.select", "{\"embeddings\":{\"dataset\":\"bars\",\"labels\":\"bars-labels\"},"
        + "\"scores\":\"" + embed.get("id").asString() + "\",\"score\":\"aum\",\"pruneRate\":0.5}");
    assertThat(result(select).get("kept").asInt()).isEqualTo(45);
    SelectionParams ccs = SelectionParams.defaults(0.5, SEED);
    int[] expected = Selector.select(aum, labels, new SelectionParams(ccs.mode(), 0.5, ccs.beta(), ccs.strata(),
        ccs.budget(), false, SEED)).kept();
    assertThat(NpyReader.readInts(new ByteArrayInputStream(artifact(select, "kept.npy"))).data())
        .containsExactly(expected);

    // D2 over EL2N (high = hard) on the embeddings' kNN graph: what the library's D2 keeps
    JsonNode d2 = run("pruning.select", "{\"embeddings\":{\"dataset\":\"bars\",\"labels\":\"bars-labels\"},"
        + "\"scores\":\"" + embed.get("id").asString() + "\",\"score\":\"el2n\",\"strategy\":\"d2\","
        + "\"pruneRate\":0.7}");
    assertThat(result(d2).get("kept").asInt()).isEqualTo(27);
    double[] el2n = csvRows(artifact(embed, "el2n.csv")).stream().skip(1).mapToDouble(r -> Double.parseDouble(r[2]))
        .toArray();
    float[][] rows = new float[90][];
    for (int i = 0; i < 90; i++) {
      rows[i] = Arrays.copyOfRange(z.data(), i * 8, i * 8 + 8);
    }
    int[] d2Expected = new org.trustml.pruning.baseline.D2Pruning(org.trustml.pruning.baseline.D2Params.defaults(),
        true).prune(new org.trustml.pruning.baseline.PruningInput(rows, labels, el2n),
        org.trustml.pruning.baseline.PruningRun.classBalanced(0.7, SEED)).selection().kept().clone();
    Arrays.sort(d2Expected);
    assertThat(NpyReader.readInts(new ByteArrayInputStream(artifact(d2, "kept.npy"))).data())
        .containsExactly(d2Expected);
    assertRefused("pruning.select", "{\"embeddings\":{\"dataset\":\"bars\",\"labels\":\"bars-labels\"},"
        + "\"scores\":\"" + embed.get("id").asString() + "\",\"score\":\"el2n\",\"strategy\":\"d2\","
        + "\"strata\":10,\"pruneRate\":0.5}", "invalid-params", "params.strata", "ccs strategy only");

    assertRefused("pruning.select", "{\"embeddings\":{\"dataset\":\"bars\",\"labels\":\"bars-labels\"},"
        + "\"scores\":\"" + embed.get("id").asString() + "\",\"pruneRate\":0.5}", "invalid-params", "params.score",
        "name its score, aum, el2n or forgetting");
    assertRefused("pruning.select", "{\"embeddings\":{\"dataset\":\"bars\",\"labels\":\"bars-labels\"},"
        + "\"method\":\"random\",\"score\":\"aum\",\"pruneRate\":0.5}", "invalid-params", "params.score",
        "give that job as 'scores'");
    idxImages("odd", "odd-labels", 4, 10);
    assertRefused("pruning.embed", "{\"images\":\"odd\",\"labels\":\"odd-labels\"}", "invalid-images",
        "params.images", "divisible by 4");
    assertRefused("pruning.embed", "{\"images\":\"emb\",\"labels\":\"odd-labels\"}", "unsupported-format",
        "params.images", "read IDX images");
    assertRefused("pruning.embed", "{\"images\":\"imgs\",\"labels\":\"odd-labels\"}", "size-mismatch",
        "params.labels", "need one label each");
  }

  @Test
  void evaluateRunsTheLibrarysProtocolOnCatalogImagesAndRefusesBadProtocols() throws IOException {
    idxImages("ev-train", "ev-train-labels", 30, 12);
    idxImages("ev-test", "ev-test-labels", 10, 12);
    String params = "{\"images\":\"ev-train\",\"labels\":\"ev-train-labels\",\"testImages\":\"ev-test\","
        + "\"testLabels\":\"ev-test-labels\",\"selectionEncoder\":\"mlp\",\"encoderEpochs\":1,"
        + "\"trainedModel\":\"mlp\",\"rates\":[0.5],\"seeds\":[1,2],\"iterations\":15,\"equalEpochs\":true,"
        + "\"noiseLevels\":[0.1],\"methods\":[\"random\",\"kcenter\",\"topoprune-la\"]";
    JsonNode job = run("pruning.evaluate", params + "}");
    JsonNode result = result(job);
    assertThat(result.get("highestRate").asDouble()).isEqualTo(0.5);
    assertThat(result.get("accuracyAtHighestRate").propertyNames()).containsExactly("random", "kcenter",
        "topoprune-la");
    // three claims on equal iterations, the two accuracy claims again on equal epochs
    assertThat(result.get("reach").size()).isEqualTo(5);
    JsonNode report = tools.jackson.databind.json.JsonMapper.builder().build()
        .readTree(artifact(job, "evaluation.json"));

    // the library's evaluator on the same images, protocol and seed: the same accuracies
    org.trustml.ml.MlEngine ml = org.trustml.ml.MlEngine.fromEnvironment();
    try (ai.djl.ndarray.NDManager m = ml.newManager()) {
      org.trustml.ml.LabeledData train = org.trustml.ml.ArrayLoaders.idx(
          () -> store.open(catalog.dataset(OWNER, "ev-train").artifact().sha256()),
          () -> store.open(catalog.dataset(OWNER, "ev-train-labels").artifact().sha256()), m,
          org.trustml.ml.ArrayOptions.images());
      org.trustml.ml.LabeledData test = org.trustml.ml.ArrayLoaders.idx(
          () -> store.open(catalog.dataset(OWNER, "ev-test").artifact().sha256()),
          () -> store.open(catalog.dataset(OWNER, "ev-test-labels").artifact().sha256()), m,
          org.trustml.ml.ArrayOptions.images());
      org.trustml.pruning.evaluation.EvaluationProtocol protocol = new org.trustml.pruning.evaluation
          .EvaluationProtocol("ev-train", org.trustml.pruning.encoder.Architecture.MLP, 1,
          org.trustml.pruning.encoder.Architecture.MLP, null, null, new double[] {0.5}, new long[] {1, 2}, 15,
          true, new double[] {0.1}, 2000, List.of(org.trustml.pruning.evaluation.EvaluatedMethod.RANDOM,
          org.trustml.pruning.evaluation.EvaluatedMethod.KCENTER,
          org.trustml.pruning.evaluation.EvaluatedMethod.TOPOPRUNE_LA), SEED);
      org.trustml.pruning.evaluation.EvaluationReport expected = org.trustml.pruning.evaluation.Evaluator.run(ml,
          train, test, protocol, org.trustml.ml.ProgressListener.NONE, org.trustml.ml.CancellationCheck.NONE);
      for (String method : List.of("random", "kcenter", "topoprune-la")) {
        double mean = expected.cell(method, 0.5).accuracy().mean();
        assertThat(result.get("accuracyAtHighestRate").get(method).get("mean").asDouble()).as(method)
            .isEqualTo(mean);
        double epochMean = org.trustml.pruning.evaluation.EvaluationReport.cell(expected.accuracyEqualEpochs(),
            method, 0.5).accuracy().mean();
        assertThat(result.get("accuracyAtHighestRateEqualEpochs").get(method).get("mean").asDouble()).as(method)
            .isEqualTo(epochMean);
      }
      assertThat(report.get("protocol").get("seed").asLong()).isEqualTo(SEED);
    }

    assertRefused("pruning.evaluate", params.replace("[0.5]", "[1.5]") + "}", "invalid-params", "params",
        "rates must be distinct and in (0, 1)");
    assertRefused("pruning.evaluate", params.replace("\"kcenter\"", "\"kcentre\"") + "}", "invalid-params",
        "params", "unknown method 'kcentre'");
    idxImages("odd", "odd-labels", 4, 10);
    assertRefused("pruning.evaluate", params.replace("\"mlp\",\"encoderEpochs\"", "\"small-cnn\",\"encoderEpochs\"")
        .replace("ev-train\",\"labels\":\"ev-train-labels", "odd\",\"labels\":\"odd-labels") + "}",
        "invalid-images", "params.testImages", "test images are 12 x 12, training images 10 x 10");
    idxImages("ev-small", "ev-small-labels", 1, 12);
    assertRefused("pruning.evaluate", params.replace("ev-train\",\"labels\":\"ev-train-labels",
        "ev-small\",\"labels\":\"ev-small-labels").replace("[0.5]", "[0.9]") + "}", "class-too-small",
        "params.rates", "too few to keep");
  }

  /** An image-folder ZIP stored and described as the catalog's inspector describes it. */
  void imageFolder(String id, byte[] zip) throws IOException {
    DatasetSummary s = ImageFolderInspector.inspect(new ByteArrayInputStream(zip));
    ArtifactRef ref = store.putBytes(zip, "application/zip", id + ".zip");
    given(catalog.dataset(eq(OWNER), eq(id))).willReturn(new DatasetDescriptor(id, OWNER, id, "image-folder", ref,
        s.rows(), s.columns(), List.of(), null, List.of(), s.shape(), s.dtype(), Lineage.upload(),
        OffsetDateTime.now(), s.classes()));
  }

  @Test
  void embedAndEvaluateReadAColourImageFolderZipLabelledByItsClassFolders() throws IOException {
    // 3 classes x 12 RGB 8 x 8 images, listed in the archive in reverse class order
    byte[] zip = ImageFolderZips.colourPatterns(3, 12, 8, 3, "shapes");
    imageFolder("shapes", zip);
    JsonNode embed = run("pruning.embed", "{\"images\":\"shapes\",\"embeddingDim\":8,\"epochs\":2,"
        + "\"batchSize\":12,\"name\":\"shape-emb\"}");
    JsonNode embedded = result(embed);
    assertThat(embedded.get("samples").asInt()).isEqualTo(36);
    assertThat(embedded.get("classes").asInt()).isEqualTo(3);
    assertThat(embedded.get("classNames").toString()).isEqualTo("[\"class-0\",\"class-1\",\"class-2\"]");
    assertThat(registered).hasSize(2);
    assertThat(registered.get(0).name()).isEqualTo("shape-emb");
    assertThat(registered.get(0).format()).isEqualTo("npy");
    assertThat(registered.get(1).name()).isEqualTo("shape-emb-labels");
    assertThat(registered.get(0).lineage().parents()).containsExactly("shapes");
    assertThat(registered.get(1).lineage().jobId()).isEqualTo(embed.get("id").asString());
    org.trustml.core.dataset.NpyArray z = read(registered.get(0).artifact());
    assertThat(z.shape()).containsExactly(36, 8);
    int[] labels = readInts(registered.get(1).artifact()).data();

    // the library's encoder on the same decoded images, spec and seed gives the same embeddings, value for value
    org.trustml.ml.MlEngine ml = org.trustml.ml.MlEngine.fromEnvironment();
    try (ai.djl.ndarray.NDManager m = ml.newManager()) {
      org.trustml.ml.ImageFolder folder = org.trustml.ml.ImageFolderLoader.load(org.trustml.ml.ByteSource.of(zip),
          org.trustml.ml.ImageFolderOptions.rgb(), m);
      assertThat(folder.data().features().getShape().getShape()).containsExactly(36, 3, 8, 8);
      assertThat(labels).containsExactly(folder.data().labels().toIntArray());
      assertThat(folder.files().get(12).toString()).isEqualTo("class-1/img-000.png");
      assertThat(labels[12]).isEqualTo(1);
      org.trustml.pruning.encoder.EncoderSpec d = org.trustml.pruning.encoder.EncoderSpec.defaults(
          org.trustml.pruning.encoder.Architecture.SMALL_CNN, 3, SEED);
      org.trustml.pruning.encoder.EncoderSpec spec = new org.trustml.pruning.encoder.EncoderSpec(d.architecture(), 8,
          3, d.optimizer(), 12, d.epochs(), d.el2nEpochs(), SEED).withEpochs(2);
      try (org.trustml.pruning.encoder.TrainedEncoder library = org.trustml.pruning.encoder.EncoderTraining.train(ml,
          folder.data(), spec, org.trustml.ml.ProgressListener.NONE, org.trustml.ml.CancellationCheck.NONE)) {
        float[][] expected = library.embed(folder.data().features());
        for (int i = 0; i < 36; i++) {
          assertThat(Arrays.copyOfRange(z.data(), i * 8, i * 8 + 8)).as("sample %d", i).containsExactly(expected[i]);
        }
      }
    }

    // the evaluation protocol runs on image folders too (a colour CNN selects), with the same accuracies
    imageFolder("shapes-test", ImageFolderZips.colourPatterns(3, 4, 8, 4, "shapes"));
    String params = "{\"images\":\"shapes\",\"testImages\":\"shapes-test\",\"encoderEpochs\":1,"
        + "\"rates\":[0.5],\"seeds\":[1],\"iterations\":10,\"noiseLevels\":[0.1],\"methods\":[\"random\"]}";
    JsonNode evaluated = result(run("pruning.evaluate", params));
    try (ai.djl.ndarray.NDManager m = ml.newManager()) {
      org.trustml.ml.LabeledData train = org.trustml.ml.ImageFolderLoader.load(org.trustml.ml.ByteSource.of(zip),
          org.trustml.ml.ImageFolderOptions.rgb(), m).data();
      org.trustml.ml.LabeledData test = org.trustml.ml.ImageFolderLoader.load(
          () -> store.open(catalog.dataset(OWNER, "shapes-test").artifact().sha256()),
          org.trustml.ml.ImageFolderOptions.rgb(), m).data();
      org.trustml.pruning.evaluation.EvaluationReport expected = org.trustml.pruning.evaluation.Evaluator.run(ml,
          train, test, new org.trustml.pruning.evaluation.EvaluationProtocol("shapes",
              org.trustml.pruning.encoder.Architecture.SMALL_CNN, 1, org.trustml.pruning.encoder.Architecture.MLP,
              null, null, new double[] {0.5}, new long[] {1}, 10, false, new double[] {0.1}, 2000,
              List.of(org.trustml.pruning.evaluation.EvaluatedMethod.RANDOM), SEED),
          org.trustml.ml.ProgressListener.NONE, org.trustml.ml.CancellationCheck.NONE);
      assertThat(evaluated.get("accuracyAtHighestRate").get("random").get("mean").asDouble())
          .isEqualTo(expected.cell("random", 0.5).accuracy().mean());
    }

    // labels belong to IDX images only; sizes and classes are checked before queueing
    assertRefused("pruning.embed", "{\"images\":\"shapes\",\"labels\":\"imgs-labels\"}", "invalid-params",
        "params.labels", "labelled by its class folders; omit labels");
    assertRefused("pruning.evaluate", params.replace("\"testImages\"", "\"testLabels\":\"x\",\"testImages\""),
        "invalid-params", "params.testLabels", "omit testLabels");
    idxImages("idx-imgs", "idx-imgs-labels", 2, 8);
    assertRefused("pruning.embed", "{\"images\":\"idx-imgs\"}", "invalid-params", "params.labels",
        "IDX images need their labels");
    assertRefused("pruning.evaluate", params.replace("shapes-test", "idx-imgs").replace("\"testImages\"",
        "\"testLabels\":\"idx-imgs-labels\",\"testImages\""), "invalid-images", "params.testImages",
        "test images have 1 channel(s), training images 3");
    imageFolder("other-classes", ImageFolderZips.colourPatterns(2, 2, 8, 4, "other"));
    assertRefused("pruning.evaluate", params.replace("shapes-test", "other-classes"), "invalid-images",
        "params.testImages", "are not the training classes");
    imageFolder("odd-folder", ImageFolderZips.colourPatterns(2, 2, 6, 5, "odd"));
    assertRefused("pruning.embed", "{\"images\":\"odd-folder\"}", "invalid-images", "params.images",
        "dataset odd-folder is 6 x 6");
    imageFolder("one-class", ImageFolderZips.colourPatterns(1, 2, 8, 5, "one"));
    assertRefused("pruning.embed", "{\"images\":\"one-class\"}", "invalid-images", "params.images",
        "at least two");
    assertRefused("pruning.embed", "{\"images\":\"emb\"}", "unsupported-format", "params.images",
        "or an image folder (ZIP)");
  }

  @Test
  void embeddingBaselinesSelectWhatTheLibraryMethodKeeps() throws IOException {
    float[][] z = new float[DATA.size()][SyntheticEmbeddings.DIMENSION];
    for (int i = 0; i < z.length; i++) {
      z[i] = Arrays.copyOfRange(DATA.points, i * z[i].length, (i + 1) * z[i].length);
    }
    org.trustml.pruning.baseline.PruningInput input = new org.trustml.pruning.baseline.PruningInput(z, DATA.labels,
        null);
    Map<String, double[]> coveringRadius = new HashMap<>();
    for (org.trustml.pruning.baseline.PruningMethod method : List.of(new org.trustml.pruning.baseline.KCenterGreedy(),
        new org.trustml.pruning.baseline.Herding(), org.trustml.pruning.baseline.ModerateDs.defaults())) {
      JsonNode job = run("pruning.select", "{\"embeddings\":" + NPY_INPUT + ",\"method\":\"" + method.name()
          + "\",\"pruneRate\":0.7}");
      assertThat(result(job).get("kept").asInt()).as(method.name()).isEqualTo(54);
      int[] expected = method.prune(input, org.trustml.pruning.baseline.PruningRun.classBalanced(0.7, SEED))
          .selection().kept().clone();
      Arrays.sort(expected);
      assertThat(NpyReader.readInts(new ByteArrayInputStream(artifact(job, "kept.npy"))).data()).as(method.name())
          .containsExactly(expected);

      // the coverage in the manifest is the coverage library's on the same rows and kept set
      boolean[] keep = new boolean[DATA.size()];
      for (int i : expected) {
        keep[i] = true;
      }
      double[] points = new double[DATA.points.length];
      for (int i = 0; i < points.length; i++) {
        points[i] = DATA.points[i];
      }
      org.trustml.pruning.coverage.CoverageReport coverage = org.trustml.pruning.coverage.CoverageReport.of(points,
          SyntheticEmbeddings.DIMENSION, DATA.labels, keep, SEED);
      JsonNode manifest = tools.jackson.databind.json.JsonMapper.builder().build()
          .readTree(artifact(job, "manifest.json")).get("coverage");
      assertThat(manifest.get("auc").asDouble()).as(method.name()).isEqualTo(coverage.auc());
      assertThat(result(job).get("coverageAuc").asDouble()).isEqualTo(coverage.auc());
      JsonNode first = manifest.get("classes").get("0"); // NPY labels: classes named by their codes
      assertThat(first.get("kept").asInt()).isEqualTo(18);
      assertThat(first.get("coveringRadius").asDouble()).isEqualTo(coverage.classes().get(0).coveringRadius());
      coveringRadius.put(method.name(), coverage.classes().stream()
          .mapToDouble(org.trustml.pruning.coverage.ClassCoverage::coveringRadius).toArray());
    }
    // k-center greedy minimises the largest distance to the kept set; Moderate-DS keeps a band around the median
    for (int c = 0; c < 3; c++) {
      assertThat(coveringRadius.get("kcenter")[c]).isLessThan(coveringRadius.get("moderate")[c]);
    }

    JsonNode without = run("pruning.select", "{\"embeddings\":" + NPY_INPUT + ",\"method\":\"random\","
        + "\"pruneRate\":0.7,\"coverage\":false}");
    assertThat(result(without).has("coverageAuc")).isFalse();
    JsonNode manifest = tools.jackson.databind.json.JsonMapper.builder().build()
        .readTree(artifact(without, "manifest.json"));
    assertThat(manifest.get("coverage") == null || manifest.get("coverage").isNull()).isTrue();
  }

  /** A scores table with the given labels: columns id, label, el2n (seeded values), name (text). */
  void scoresTable(String id, int[] labels, long rows) {
    java.util.Random random = new java.util.Random(5);
    StringBuilder text = new StringBuilder("id,label,el2n,name\n");
    for (int i = 0; i < labels.length; i++) {
      text.append(i).append(',').append(labels[i]).append(',').append(random.nextDouble()).append(",s").append(i)
          .append('\n');
    }
    List<ColumnInfo> schema = List.of(new ColumnInfo("id", "INTEGER", "FEATURE", 0, labels.length),
        new ColumnInfo("label", "INTEGER", "FEATURE", 0, 3), new ColumnInfo("el2n", "NUMBER", "FEATURE", 0,
            labels.length), new ColumnInfo("name", "STRING", "FEATURE", 0, labels.length));
    datasets.csv(id, text.toString().getBytes(StandardCharsets.UTF_8), rows, schema, null);
  }

  @Test
  void selectsByImportedScoresAndRefusesTablesThatDoNotFit() throws IOException {
    scoresTable("el2n", DATA.labels, DATA.size());
    JsonNode job = run("pruning.select", "{\"embeddings\":" + NPY_INPUT + ",\"scoresDataset\":{\"dataset\":"
        + "\"el2n\",\"column\":\"el2n\"},\"pruneRate\":0.7}");
    JsonNode selected = result(job);
    assertThat(selected.get("name").asString()).isEqualTo("emb-ccs-el2n-prune70");
    double[] el2n = new double[DATA.size()];
    java.util.Random random = new java.util.Random(5);
    for (int i = 0; i < el2n.length; i++) {
      el2n[i] = random.nextDouble();
    }
    int[] kept = Selector.select(el2n, DATA.labels, SelectionParams.defaults(0.7, SEED)).kept();
    assertThat(NpyReader.readInts(new ByteArrayInputStream(artifact(job, "kept.npy"))).data()).containsExactly(kept);
    JsonNode manifest = tools.jackson.databind.json.JsonMapper.builder().build()
        .readTree(artifact(job, "manifest.json"));
    assertThat(manifest.get("scoresDataset").asString()).isEqualTo("el2n");
    assertThat(manifest.get("scoresSha256").asString()).isEqualTo(catalog.dataset(OWNER, "el2n").artifact()
        .sha256());
    assertThat(manifest.get("strategy").asString()).isEqualTo("ccs-el2n");

    int before = jobCount();
    String select = "{\"embeddings\":" + NPY_INPUT + ",\"pruneRate\":0.7,\"scoresDataset\":";
    assertRefused("pruning.select", select + "{\"dataset\":\"el2n\",\"column\":\"aum\"}}", "unknown-column",
        "params.scoresDataset.column", "no column 'aum'");
    assertRefused("pruning.select", select + "{\"dataset\":\"el2n\",\"column\":\"name\"}}", "invalid-scores",
        "params.scoresDataset.column", "holds STRING values");
    assertRefused("pruning.select", select + "{\"dataset\":\"emb-labels\"}}", "unsupported-format",
        "params.scoresDataset.dataset", "a column of a CSV table");
    scoresTable("el2n-short", Arrays.copyOf(DATA.labels, 100), 100);
    assertRefused("pruning.select", select + "{\"dataset\":\"el2n-short\",\"column\":\"el2n\"}}",
        "size-mismatch", "params.scoresDataset.dataset", "has 100 scores for 180 embeddings");
    int[] shifted = DATA.labels.clone();
    shifted[0] = (shifted[0] + 1) % 3;
    scoresTable("el2n-other", shifted, DATA.size());
    assertRefused("pruning.select", select + "{\"dataset\":\"el2n-other\",\"column\":\"el2n\"}}",
        "scores-mismatch", "params.scoresDataset", "dataset el2n-other scores sample 0 with label");
    assertRefused("pruning.select", select + "{\"dataset\":\"el2n\"},\"method\":\"random\"}", "invalid-params",
        "params.scores", "not several");
    assertThat(jobCount()).isEqualTo(before);
  }

  @Test
  void principalComponentsAsTheGlobalStageReachTheLibrarysScores() throws IOException {
    JsonNode scoreJob = run("pruning.score", "{\"embeddings\":" + NPY_INPUT + ",\"manifold\":{\"method\":\"pca\","
        + "\"dim\":4},\"local\":{\"patchK\":8}}");
    ManifoldParams params = ManifoldParams.defaults(SEED).withMethod(ManifoldParams.Method.PCA)
        .withUmap(UmapParams.defaults(SEED).withDimension(4)).withThreads(1);
    ManifoldEmbedding m = ManifoldStage.run(DATA.doubles(), SyntheticEmbeddings.DIMENSION, DATA.labels, params);
    double[] expected = StructuralComplexityScorer.score(m, DATA.labels, params.scope(),
        LocalScoreParams.defaults().withPatchK(8).withThreads(1), SEED);
    List<String[]> rows = csvRows(artifact(scoreJob, "scores.csv"));
    for (int i = 0; i < 180; i++) {
      assertThat(Double.parseDouble(rows.get(i + 1)[2])).as("score %d", i).isEqualTo(expected[i]);
    }
    JsonNode manifest = tools.jackson.databind.json.JsonMapper.builder().build()
        .readTree(artifact(scoreJob, "manifest.json"));
    assertThat(manifest.get("manifold").get("method").asString()).isEqualTo("pca");
  }

  @Test
  void theSpectralStartReachesTheLibrarysScores() throws IOException {
    JsonNode scoreJob = run("pruning.score", "{\"embeddings\":" + NPY_INPUT + ",\"manifold\":{\"epochs\":60,"
        + "\"init\":\"spectral\"},\"local\":{\"patchK\":8}}");
    ManifoldParams params = ManifoldParams.defaults(SEED).withUmap(UmapParams.defaults(SEED).withEpochs(60)
        .withInit(UmapParams.Init.SPECTRAL)).withThreads(1);
    ManifoldEmbedding m = ManifoldStage.run(DATA.doubles(), SyntheticEmbeddings.DIMENSION, DATA.labels, params);
    double[] expected = StructuralComplexityScorer.score(m, DATA.labels, params.scope(),
        LocalScoreParams.defaults().withPatchK(8).withThreads(1), SEED);
    double[] random = libraryScores();
    List<String[]> rows = csvRows(artifact(scoreJob, "scores.csv"));
    boolean differsFromRandom = false;
    for (int i = 0; i < 180; i++) {
      double score = Double.parseDouble(rows.get(i + 1)[2]);
      assertThat(score).as("score %d", i).isEqualTo(expected[i]);
      differsFromRandom |= score != random[i];
    }
    assertThat(differsFromRandom).as("the spectral start changes the layout").isTrue();
  }

  @Test
  void hnswAsTheKnnMethodReachesTheLibrarysScoresAndIsRecorded() throws IOException {
    JsonNode scoreJob = run("pruning.score", "{\"embeddings\":" + NPY_INPUT + ",\"manifold\":{\"epochs\":60,"
        + "\"knn\":\"hnsw\",\"hnswM\":4,\"hnswEfConstruction\":20,\"hnswEf\":16},\"local\":{\"patchK\":8}}");
    ManifoldParams params = ManifoldParams.defaults(SEED).withUmap(UmapParams.defaults(SEED).withEpochs(60)
        .withKnn(UmapParams.KnnMethod.HNSW).withHnsw(4, 20, 16)).withThreads(1);
    ManifoldEmbedding m = ManifoldStage.run(DATA.doubles(), SyntheticEmbeddings.DIMENSION, DATA.labels, params);
    double[] expected = StructuralComplexityScorer.score(m, DATA.labels, params.scope(),
        LocalScoreParams.defaults().withPatchK(8).withThreads(1), SEED);
    double[] exact = libraryScores();
    List<String[]> rows = csvRows(artifact(scoreJob, "scores.csv"));
    boolean differsFromExact = false;
    for (int i = 0; i < 180; i++) {
      double score = Double.parseDouble(rows.get(i + 1)[2]);
      assertThat(score).as("score %d", i).isEqualTo(expected[i]);
      differsFromExact |= score != exact[i];
    }
    // M = 4 and ef = 16 miss some of the 15 nearest: the switch reached the kNN graph
    assertThat(differsFromExact).isTrue();
    JsonNode manifold = tools.jackson.databind.json.JsonMapper.builder().build()
        .readTree(artifact(scoreJob, "manifest.json")).get("manifold");
    assertThat(manifold.get("knn").asString()).isEqualTo("hnsw");
    assertThat(manifold.get("hnswM").asInt()).isEqualTo(4);
    assertThat(manifold.get("hnswEfConstruction").asInt()).isEqualTo(20);
    assertThat(manifold.get("hnswEf").asInt()).isEqualTo(16);
  }

  @Test
  void globalIdentityLeaveOneOutScoresOfACsvTableThenTopKPerClass() throws IOException {
    JsonNode scoreJob = run("pruning.score", "{\"embeddings\":{\"dataset\":\"emb-csv\"},\"manifold\":{\"scope\":"
        + "\"global\",\"method\":\"identity\",\"normalize\":\"none\"},\"local\":{\"variant\":\"leave-one-out\","
        + "\"patchK\":8,\"dims\":0}}");
    assertThat(result(scoreJob).get("classes").get("ring").asInt()).isEqualTo(60);
    // the CSV holds the floats' shortest decimal forms, which is what the job parses
    double[] z = new double[DATA.points.length];
    for (int i = 0; i < z.length; i++) {
      z[i] = Double.parseDouble(Float.toString(DATA.points[i]));
    }
    ManifoldParams params = new ManifoldParams(ManifoldParams.Normalization.NONE, ManifoldParams.Scope.GLOBAL,
        ManifoldParams.Method.IDENTITY, UmapParams.defaults(SEED), 1);
    double[] expected = StructuralComplexityScorer.score(
        ManifoldStage.run(z, SyntheticEmbeddings.DIMENSION, DATA.labels, params), DATA.labels,
        ManifoldParams.Scope.GLOBAL, LocalScoreParams.defaults().withPatchK(8).withMaxDimension(0)
            .withVariant(LocalScoreParams.Variant.LEAVE_ONE_OUT).withThreads(1), SEED);
    List<String[]> rows = csvRows(artifact(scoreJob, "scores.csv"));
    for (int i = 0; i < 180; i++) {
      assertThat(rows.get(i + 1)[1]).isEqualTo(SyntheticEmbeddings.NAMES[DATA.labels[i]]);
      assertThat(Double.parseDouble(rows.get(i + 1)[2])).isEqualTo(expected[i]);
    }

    JsonNode select = run("pruning.select", "{\"embeddings\":{\"dataset\":\"emb-csv\"},\"scores\":\""
        + scoreJob.get("id").asString() + "\",\"strategy\":\"topk\",\"pruneRate\":0.9}");
    int[] kept = NpyReader.readInts(new ByteArrayInputStream(artifact(select, "kept.npy"))).data();
    // top-k per class by hand: the 6 highest scores of each class of 60
    List<Integer> expectedKept = new ArrayList<>();
    for (int c = 0; c < 3; c++) {
      final int cls = c;
      java.util.stream.IntStream.range(0, 180).filter(i -> DATA.labels[i] == cls).boxed()
          .sorted((a, b) -> Double.compare(expected[b], expected[a])).limit(6).forEach(expectedKept::add);
    }
    assertThat(kept).containsExactly(expectedKept.stream().sorted().mapToInt(Integer::intValue).toArray());
    assertThat(registered.get(0).name()).isEqualTo("emb-csv-topk-prune90");
  }

  @Test
  void theMethodListNamesTheBaselinesAndTheDefaultSwitches() {
    JsonNode methods = http.get().uri("/methods").retrieve().body(JsonNode.class);
    assertThat(methods.get("methods").valueStream().map(m -> m.get("name").asString()).toList())
        .containsExactly("herding", "kcenter", "moderate", "random");
    assertThat(methods.get("strategies").toString()).isEqualTo("[\"ccs\",\"topk\",\"bottomk\",\"d2\"]");
    assertThat(methods.get("manifold").get("k").asInt()).isEqualTo(15);
    assertThat(methods.get("manifold").get("hnswM").asInt()).isEqualTo(16);
    assertThat(methods.get("manifold").get("hnswEf").asInt()).isEqualTo(64);
    assertThat(methods.get("local").get("patchK").asInt()).isEqualTo(32);
  }

  int jobCount() {
    return http.get().uri("/jobs?pageSize=500").retrieve().body(JsonNode.class).get("jobs").size();
  }

  void assertRefused(String type, String params, String problem, String field, String detail) {
    JsonNode refused = post(type, params);
    assertThat(refused.get("status").asInt()).as(refused.toString()).isEqualTo(400);
    assertThat(refused.get("type").asString()).as(refused.toString()).isEqualTo("urn:trustml:problem:" + problem);
    assertThat(refused.get("field").asString()).as(refused.toString()).isEqualTo(field);
    assertThat(refused.get("detail").asString()).as(refused.toString()).contains(detail);
  }

  @Test
  void badInputIsA400NamingTheFieldAndQueuesNothing() {
    int before = jobCount();
    String npy = "{\"embeddings\":" + NPY_INPUT + ",\"method\":\"random\",\"pruneRate\":";
    assertRefused("pruning.select", npy + "1.0}", "invalid-params", "params.pruneRate", "must be less than 1");
    assertRefused("pruning.select", npy + "0}", "invalid-params", "params.pruneRate", "must be greater than 0");
    assertRefused("pruning.select", npy + "-0.5}", "invalid-params", "params.pruneRate", "greater than 0");
    assertRefused("pruning.select", "{\"embeddings\":{\"dataset\":\"emb-csv\",\"labelColumn\":\"klass\"},"
        + "\"method\":\"random\",\"pruneRate\":0.5}", "unknown-column", "params.embeddings.labelColumn",
        "no column 'klass'");
    assertRefused("pruning.score", "{\"embeddings\":{\"dataset\":\"emb-csv\",\"labelColumn\":\"klass\"}}",
        "unknown-column", "params.embeddings.labelColumn", "no column 'klass'");
    assertRefused("pruning.select", "{\"embeddings\":{\"dataset\":\"tiny\",\"labels\":\"tiny-labels\"},"
        + "\"method\":\"random\",\"pruneRate\":0.9}", "class-too-small", "params.pruneRate",
        "class '8' has 2 samples, too few to keep any at pruneRate 0.9 (proportional budget 0); class sizes "
            + "3: 40, 8: 2");
    assertRefused("pruning.score", "{\"embeddings\":{\"dataset\":\"nan\"}}", "invalid-embeddings",
        "params.embeddings.dataset", "the first at sample 5, column 2 (NaN)");
    assertRefused("pruning.select", "{\"embeddings\":{\"dataset\":\"nan\"},\"method\":\"random\",\"pruneRate\":0.5}",
        "invalid-embeddings", "params.embeddings.dataset", "NaN or infinite");
    assertRefused("pruning.score", "{\"embeddings\":{\"dataset\":\"emb-csv-missing\"}}", "invalid-embeddings",
        "params.embeddings.dataset", "column 'e3' has 2 missing values");
    assertRefused("pruning.select", "{\"embeddings\":" + NPY_INPUT + ",\"scores\":\""
        + "00000000-0000-0000-0000-000000000000\",\"pruneRate\":0.5}", "unknown-scores", "params.scores",
        "no job 00000000-0000-0000-0000-000000000000");
    assertRefused("pruning.select", "{\"embeddings\":" + NPY_INPUT + ",\"scores\":\"scores.csv\","
        + "\"pruneRate\":0.5}", "unknown-scores", "params.scores", "is not a job id");
    assertRefused("pruning.select", "{\"embeddings\":" + NPY_INPUT + ",\"pruneRate\":0.5}", "invalid-params",
        "params.scores", "give one of 'scores'");
    assertRefused("pruning.select", npy + "0.5,\"strategy\":\"topk\"}", "invalid-params", "params.strategy",
        "not to method 'random'");
    assertRefused("pruning.select", "{\"embeddings\":" + NPY_INPUT + ",\"scores\":\"" + new java.util.UUID(0, 1)
        + "\",\"strategy\":\"topk\",\"beta\":0.2,\"pruneRate\":0.5}", "invalid-params", "params.beta",
        "applies to the ccs strategy only");
    assertRefused("pruning.select", "{\"embeddings\":" + NPY_INPUT + ",\"method\":\"kcentre\",\"pruneRate\":0.5}",
        "unknown-method", "params.method", "there are [herding, kcenter, moderate, random]");
    assertRefused("pruning.select", "{\"embeddings\":{\"dataset\":\"missing\"},\"method\":\"random\","
        + "\"pruneRate\":0.5}", "unknown-dataset", "params.embeddings.dataset", "no dataset 'missing'");
    assertRefused("pruning.select", "{\"embeddings\":{\"dataset\":\"emb\",\"labels\":\"tiny-labels\"},"
        + "\"method\":\"random\",\"pruneRate\":0.5}", "size-mismatch", "params.embeddings.labels",
        "has 42 labels for 180 embeddings");
    assertRefused("pruning.score", "{\"embeddings\":" + NPY_INPUT + ",\"manifold\":{\"minDist\":2}}",
        "invalid-params", "params", "minDist");
    assertRefused("pruning.score", "{\"embeddings\":" + NPY_INPUT + ",\"local\":{\"variant\":\"fancy\"}}",
        "invalid-params", "params.local.variant", "must match");
    assertRefused("pruning.score", "{\"embeddings\":" + NPY_INPUT + ",\"manifold\":{\"init\":\"pca\"}}",
        "invalid-params", "params.manifold.init", "must match");
    assertRefused("pruning.score", "{\"embeddings\":" + NPY_INPUT + ",\"manifold\":{\"method\":\"tsne\"}}",
        "invalid-params", "params.manifold.method", "must match");
    assertRefused("pruning.score", "{\"embeddings\":" + NPY_INPUT + ",\"manifold\":{\"knn\":\"hnsw\","
        + "\"hnswM\":1}}", "invalid-params", "params.manifold.hnswM", "greater than or equal to 2");
    assertRefused("pruning.score", "{\"embeddings\":" + NPY_INPUT + ",\"manifold\":{\"knn\":\"hnsw\","
        + "\"hnswEf\":10}}", "invalid-params", "params", "hnswEf must be ≥ umap.k = 15");
    assertThat(jobCount()).isEqualTo(before);
  }

  @Test
  void infiniteEmbeddingsTooLargeToReadAtSubmissionFailTheJobWithTheSameProblem() {
    JsonNode job = run("pruning.select", "{\"embeddings\":{\"dataset\":\"big-inf\"},\"method\":\"random\","
        + "\"pruneRate\":0.5}");
    assertThat(job.get("state").asString()).isEqualTo("FAILED");
    JsonNode error = job.get("error");
    assertThat(error.get("status").asInt()).isEqualTo(400);
    assertThat(error.get("type").asString()).isEqualTo("urn:trustml:problem:invalid-embeddings");
    assertThat(error.get("field").asString()).isEqualTo("params.embeddings.dataset");
    assertThat(error.get("detail").asString()).isEqualTo("params.embeddings.dataset: 1 of the 4800 values of "
        + "dataset big-inf are NaN or infinite (as float32), the first at sample 599, column 0 (Infinity)");
    assertThat(job.get("artifacts")).isEmpty();
    assertThat(registered).isEmpty();
  }
}
