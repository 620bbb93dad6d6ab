package org.trustml.fhe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.trustml.fhe.model.RandomNetworks.dense;
import static org.trustml.fhe.model.RandomNetworks.network;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;
import org.trustml.core.artifact.ArtifactRef;
import org.trustml.core.artifact.ArtifactStore;
import org.trustml.core.catalog.CatalogClient;
import org.trustml.core.catalog.Lineage;
import org.trustml.core.catalog.ModelDescriptor;
import org.trustml.core.testing.JobsHttp;
import org.trustml.core.testing.ServiceTestProperties;
import org.trustml.core.web.Headers;
import org.trustml.core.web.ProblemException;
import org.trustml.fhe.ckks.Ciphertext;
import org.trustml.fhe.ckks.CiphertextBatch;
import org.trustml.fhe.ckks.CkksEncoder;
import org.trustml.fhe.ckks.CkksParameters;
import org.trustml.fhe.ckks.CkksSerializer;
import org.trustml.fhe.ckks.Decryptor;
import org.trustml.fhe.ckks.KeyGenerator;
import org.trustml.fhe.ckks.SymmetricEncryptor;
import org.trustml.fhe.model.PolyNetwork;
import org.trustml.fhe.model.PolyNetworkFormat;
import org.trustml.fhe.model.SquareLayer;
import org.trustml.fhe.plan.LatencyPacking;
import org.trustml.fhe.plan.LatencyPlan;
import org.trustml.fhe.plan.ParameterSets;
import org.trustml.fhe.plan.PlanCompiler;
import org.trustml.fhe.plan.PlanOptions;
import tools.jackson.databind.JsonNode;

/**
 * The service as a client uses it: keys generated here (the secret key never leaves this test), evaluation keys
 * registered, a catalog model compiled, inputs encrypted, uploaded and evaluated by a job, the encrypted logits
 * downloaded and decrypted here and compared with the plaintext network; and every refusal a 400 or 404 problem.
 */
@SpringBootTest(classes = FheApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FheServiceIntegrationTest {

  static final String TENANT = "acme";
  static final String OTHER = "globex";
  /** Rescaling noise and weight rounding give about 1e-5 (PlanEvaluatorTest); 1e-3 leaves a wide margin. */
  static final double LOGIT_TOLERANCE = 1e-3;

  @TempDir static Path artifacts;

  @DynamicPropertySource
  static void props(DynamicPropertyRegistry r) {
    ServiceTestProperties.register(r, artifacts);
  }

  static CkksParameters params;
  static KeyGenerator client;
  static byte[] publicKey;
  static byte[] relinKey;
  static byte[] galoisKeys;
  static PolyNetwork network;

  @LocalServerPort int port;
  @Autowired ArtifactStore store;
  @MockitoBean CatalogClient catalog;
  RestClient http;
  /** The jobs API as {@link #TENANT}. */
  JobsHttp jobs;

  @BeforeAll
  static void clientKeys() {
    params = ParameterSets.byName(ParameterSets.TEST);
    byte[] seed = new byte[32];
    seed[0] = 42;
    client = new KeyGenerator(params, seed);
    publicKey = CkksSerializer.write(client.publicKey());
    relinKey = CkksSerializer.write(client.relinearizationKey());
    galoisKeys = CkksSerializer.write(client.galoisKeys(new int[] {1, 3}, true));
    network = network(8, 4, 3, 5);
  }

  @BeforeEach
  void setUp() {
    http = RestClient.builder().baseUrl("http://localhost:" + port + "/api/v1/fhe")
        .defaultStatusHandler(HttpStatusCode::isError, (req, res) -> {}).build();
    jobs = jobsOf(TENANT);
    given(catalog.model(anyString(), anyString())).willAnswer(inv -> {
      throw ProblemException.notFound("model", inv.getArgument(1));
    });
    model("mdl-net", network);
    model("mdl-deep", new PolyNetwork(8, List.of(dense(8, 4, new Random(1)), new SquareLayer(),
        dense(4, 4, new Random(2)), new SquareLayer(), dense(4, 2, new Random(3))), "random"));
    ArtifactRef onnx = store.putText("not a poly network", "application/onnx", "m.onnx");
    given(catalog.model(eq(TENANT), eq("mdl-onnx"))).willReturn(new ModelDescriptor("mdl-onnx", TENANT, "m", "onnx",
        onnx, null, Lineage.upload(), OffsetDateTime.now()));
  }

  void model(String id, PolyNetwork net) {
    ArtifactRef ref = store.putText(PolyNetworkFormat.toJson(net), "application/json", id + ".json");
    given(catalog.model(eq(TENANT), eq(id))).willReturn(new ModelDescriptor(id, TENANT, id,
        PolyNetworkFormat.FORMAT, ref, null, Lineage.upload(), OffsetDateTime.now()));
  }

  // ---- HTTP helpers ----

  ResponseEntity<JsonNode> uploadKeys(String tenant, MultiValueMap<String, Object> parts) {
    return http.post().uri("/keysets").header(Headers.TENANT, tenant).contentType(MediaType.MULTIPART_FORM_DATA)
        .body(parts).retrieve().toEntity(JsonNode.class);
  }

  static MultiValueMap<String, Object> parts(byte[] pk, byte[] rk, byte[] gk) {
    MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    parts.add("publicKey", file(pk, "pk.ckks"));
    parts.add("relinearizationKey", file(rk, "rk.ckks"));
    if (gk != null) {
      parts.add("galoisKeys", file(gk, "gk.ckks"));
    }
    return parts;
  }

  static ByteArrayResource file(byte[] bytes, String name) {
    return new ByteArrayResource(bytes) {
      @Override
      public String getFilename() {
        return name;
      }
    };
  }

  String keySet() {
    ResponseEntity<JsonNode> r = uploadKeys(TENANT, parts(publicKey, relinKey, galoisKeys));
    assertThat(r.getStatusCode().value()).as(String.valueOf(r.getBody())).isIn(200, 201);
    return r.getBody().get("id").asString();
  }

  /** The jobs API as {@code tenant}. */
  JobsHttp jobsOf(String tenant) {
    return new JobsHttp(port, "/api/v1/fhe", tenant, 1, Duration.ofSeconds(60));
  }

  ResponseEntity<JsonNode> submit(String tenant, String type, String params) {
    return jobsOf(tenant).submit(type, params);
  }

  JsonNode finished(ResponseEntity<JsonNode> submitted) {
    assertThat(submitted.getStatusCode().value()).as(String.valueOf(submitted.getBody())).isEqualTo(202);
    return jobs.awaitEnd(submitted.getBody().get("id").asString());
  }

  JsonNode job(String id) {
    return jobs.job(id);
  }

  JsonNode result(JsonNode job) {
    return jobs.result(job);
  }

  JsonNode compile(String model) {
    return result(finished(submit(TENANT, "fhe.compile", "{\"model\":\"" + model + "\"}")));
  }

  ResponseEntity<JsonNode> uploadInputs(byte[] batch, String plan, String keySet) {
    return http.post().uri(b -> {
      b.path("/ciphertexts");
      if (plan != null) {
        b.queryParam("plan", plan).queryParam("keySet", keySet);
      }
      return b.build();
    }).header(Headers.TENANT, TENANT).contentType(MediaType.APPLICATION_OCTET_STREAM).body(batch).retrieve()
        .toEntity(JsonNode.class);
  }

  /** The client's side of throughput packing: ciphertext j holds feature j of every image. */
  static byte[] encrypt(double[][] images, int features, int level, double scale, CkksParameters under,
      KeyGenerator keys) {
    CkksEncoder encoder = new CkksEncoder(under);
    SymmetricEncryptor encryptor = new SymmetricEncryptor(keys.secretKey(), new SecureRandom());
    Ciphertext[] out = new Ciphertext[features];
    for (int j = 0; j < features; j++) {
      double[] slots = new double[images.length];
      for (int b = 0; b < images.length; b++) {
        slots[b] = images[b][j];
      }
      out[j] = encryptor.encrypt(encoder.encode(slots, level, scale));
    }
    return CiphertextBatch.write(out);
  }

  static double[][] images(int count, int width, long seed) {
    Random random = new Random(seed);
    double[][] x = new double[count][width];
    for (double[] row : x) {
      for (int k = 0; k < width; k++) {
        row[k] = 4 * random.nextDouble() - 2;
      }
    }
    return x;
  }

  static void assertProblem(ResponseEntity<JsonNode> r, int status, String code, String... detailParts) {
    assertThat(r.getStatusCode().value()).as(String.valueOf(r.getBody())).isEqualTo(status);
    assertThat(r.getBody().get("type").asString()).as(r.getBody().toString())
        .isEqualTo("urn:trustml:problem:" + code);
    if (detailParts.length > 0) {
      assertThat(r.getBody().get("detail").asString()).contains(detailParts);
    }
  }

  // ---- tests ----

  @Test
  void encryptedInferenceDecryptsToThePlaintextLogits() {
    ResponseEntity<JsonNode> registered = uploadKeys(TENANT, parts(publicKey, relinKey, galoisKeys));
    assertThat(registered.getStatusCode().value()).as(String.valueOf(registered.getBody())).isIn(200, 201);
    JsonNode keySet = registered.getBody();
    String keySetId = keySet.get("id").asString();
    assertThat(keySet.get("parameterSet").asString()).isEqualTo("test");
    assertThat(keySet.get("parameterId").asString()).isEqualTo(ParameterSets.fingerprint(params.id()));
    assertThat(keySet.get("publicKey").get("bytes").asLong()).isEqualTo(publicKey.length);
    assertThat(keySet.get("relinearizationKey").get("bytes").asLong()).isEqualTo(relinKey.length);
    assertThat(keySet.get("galoisKeys").get("rotationSteps").toString()).isEqualTo("[1,3]");
    assertThat(keySet.get("galoisKeys").get("conjugation").asBoolean()).isTrue();
    // the same keys again name the same set; the owner sees it, nobody else does
    ResponseEntity<JsonNode> again = uploadKeys(TENANT, parts(publicKey, relinKey, galoisKeys));
    assertThat(again.getStatusCode().value()).isEqualTo(200);
    assertThat(again.getBody().get("id").asString()).isEqualTo(keySetId);
    assertThat(http.get().uri("/keysets/{id}", keySetId).header(Headers.TENANT, TENANT).retrieve()
        .toBodilessEntity().getStatusCode().value()).isEqualTo(200);
    assertProblem(http.get().uri("/keysets/{id}", keySetId).header(Headers.TENANT, OTHER).retrieve()
        .toEntity(JsonNode.class), 404, "not-found", keySetId);
    assertThat(http.get().uri("/keysets").header(Headers.TENANT, OTHER).retrieve().body(JsonNode.class).size())
        .isZero();

    JsonNode plan = compile("mdl-net");
    String planId = plan.get("plan").asString();
    assertThat(plan.get("parameterSet").asString()).isEqualTo("test");
    assertThat(plan.get("depth").asInt()).isEqualTo(2);
    assertThat(plan.get("inputCount").asInt()).isEqualTo(8);
    assertThat(plan.get("outputCount").asInt()).isEqualTo(3);
    assertThat(plan.get("operations").get("multiplications").asLong()).isEqualTo(4);
    assertThat(plan.get("operations").get("scalarProducts").asLong()).isEqualTo(8 * 4 + 4 * 3);
    assertThat(http.get().uri("/plans/{id}", planId).header(Headers.TENANT, TENANT).retrieve().body(JsonNode.class)
        .get("steps").size()).isEqualTo(3);
    assertProblem(http.get().uri("/plans/{id}", planId).header(Headers.TENANT, OTHER).retrieve()
        .toEntity(JsonNode.class), 404, "not-found");

    int count = 37;
    double[][] x = images(count, 8, 11);
    byte[] batch = encrypt(x, 8, plan.get("inputLevel").asInt(), plan.get("inputScale").asDouble(), params, client);
    ResponseEntity<JsonNode> uploaded = uploadInputs(batch, planId, keySetId);
    assertThat(uploaded.getStatusCode().value()).as(String.valueOf(uploaded.getBody())).isEqualTo(201);
    assertThat(uploaded.getBody().get("count").asInt()).isEqualTo(8);
    assertThat(plan.get("sizes").get("inputBatch").asLong()).isEqualTo(batch.length);

    JsonNode infer = finished(submit(TENANT, "fhe.infer", "{\"plan\":\"" + planId + "\",\"keySet\":\"" + keySetId
        + "\",\"inputs\":\"" + uploaded.getBody().get("sha256").asString() + "\",\"images\":" + count + "}"));
    JsonNode summary = result(infer);
    assertThat(summary.get("outputs").asInt()).isEqualTo(3);
    assertThat(summary.get("perImageMillis").asDouble()).isPositive();
    assertThat(infer.get("progress").get("fraction").asDouble()).isEqualTo(1.0);
    // the job record names the keys by id: it is a few hundred bytes, where the smallest key is 143 KB
    assertThat(infer.toString().length()).isLessThan(8_000);
    assertThat(infer.get("params").get("keySet").asString()).isEqualTo(keySetId);
    byte[] logitsBytes = http.get().uri("/jobs/{id}/artifacts/logits.ckks", infer.get("id").asString())
        .header(Headers.TENANT, TENANT).retrieve().body(byte[].class);
    assertThat(logitsBytes).hasSize((int) plan.get("sizes").get("outputBatch").asLong());

    Ciphertext[] logits = CiphertextBatch.read(params, logitsBytes);
    CkksEncoder encoder = new CkksEncoder(params);
    Decryptor decryptor = new Decryptor(client.secretKey());
    double[][] decrypted = new double[count][logits.length];
    for (int k = 0; k < logits.length; k++) {
      double[] slots = encoder.decode(decryptor.decrypt(logits[k]));
      for (int b = 0; b < count; b++) {
        decrypted[b][k] = slots[b];
      }
    }
    double worst = 0;
    for (int b = 0; b < count; b++) {
      double[] expected = network.forward(x[b]);
      for (int k = 0; k < expected.length; k++) {
        worst = Math.max(worst, Math.abs(expected[k] - decrypted[b][k]));
      }
      assertThat(PolyNetwork.argmax(decrypted[b])).isEqualTo(PolyNetwork.argmax(expected));
    }
    assertThat(worst).isLessThan(LOGIT_TOLERANCE);

    // the estimate names the same plan and the sizes of the keys and ciphertexts actually exchanged
    JsonNode estimate = http.post().uri("/estimates").header(Headers.TENANT, TENANT)
        .contentType(MediaType.APPLICATION_JSON).body("{\"model\":\"mdl-net\",\"images\":" + count + "}")
        .retrieve().body(JsonNode.class);
    assertThat(estimate.get("parameters").get("name").asString()).as(estimate.toString()).isEqualTo("test");
    assertThat(estimate.get("depth").asInt()).isEqualTo(2);
    assertThat(estimate.get("keySizes").get("publicKey").asLong()).isEqualTo(publicKey.length);
    assertThat(estimate.get("keySizes").get("relinearizationKey").asLong()).isEqualTo(relinKey.length);
    assertThat(estimate.get("keySizes").get("galoisKeys").asLong()).isZero();
    assertThat(estimate.get("ciphertextSizes").get("inputBatch").asLong()).isEqualTo(batch.length);
    assertThat(estimate.get("ciphertextSizes").get("outputBatch").asLong()).isEqualTo(logitsBytes.length);
    assertThat(estimate.get("operations")).isEqualTo(plan.get("operations"));
    assertThat(estimate.get("time").get("perBatchSeconds").asDouble()).isPositive();
    assertThat(estimate.get("time").get("perImageMillis").asDouble())
        .isCloseTo(1000 * estimate.get("time").get("perBatchSeconds").asDouble() / count,
            org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void estimatesOfArchitecturesChooseParametersByDepth() {
    JsonNode shallow = http.post().uri("/estimates").header(Headers.TENANT, TENANT).contentType(MediaType.APPLICATION_JSON)
        .body("{\"architecture\":{\"inputs\":8,\"hidden\":[4],\"classes\":3}}").retrieve().body(JsonNode.class);
    assertThat(shallow.get("parameters").get("name").asString()).as(shallow.toString()).isEqualTo("test");
    assertThat(shallow.get("operations").get("scalarProducts").asLong()).isEqualTo(8 * 4 + 4 * 3);
    assertThat(shallow.get("batchSize").asInt()).isEqualTo(4096);
    JsonNode deep = http.post().uri("/estimates").header(Headers.TENANT, TENANT).contentType(MediaType.APPLICATION_JSON)
        .body("{\"architecture\":{\"inputs\":16,\"hidden\":[8,8],\"classes\":3}}").retrieve().body(JsonNode.class);
    assertThat(deep.get("parameters").get("name").asString()).as(deep.toString()).isEqualTo("cryptonets");
    assertThat(deep.get("depth").asInt()).isEqualTo(4);
    CkksParameters big = ParameterSets.byName(ParameterSets.CRYPTONETS);
    assertThat(deep.get("keySizes").get("relinearizationKey").asLong())
        .isEqualTo(CkksSerializer.keySwitchKeyBytes(big));
    assertThat(deep.get("ciphertextSizes").get("inputSeeded").asLong())
        .isEqualTo(CkksSerializer.seededCiphertextBytes(big, 4));

    ResponseEntity<JsonNode> tooDeep = http.post().uri("/estimates").header(Headers.TENANT, TENANT).contentType(MediaType.APPLICATION_JSON)
        .body("{\"architecture\":{\"inputs\":4,\"hidden\":[4,4,4,4],\"classes\":2}}").retrieve()
        .toEntity(JsonNode.class);
    assertProblem(tooDeep, 400, "plan-does-not-fit", "depth 8", "7 levels");
    assertProblem(http.post().uri("/estimates").header(Headers.TENANT, TENANT).contentType(MediaType.APPLICATION_JSON)
        .body("{\"architecture\":{\"inputs\":4,\"hidden\":[4],\"classes\":2},\"model\":\"mdl-net\"}").retrieve()
        .toEntity(JsonNode.class), 400, "invalid-request", "exactly one");
    assertProblem(http.post().uri("/estimates").header(Headers.TENANT, TENANT).contentType(MediaType.APPLICATION_JSON)
        .body("{\"model\":\"mdl-net\",\"packing\":\"diagonal\"}").retrieve()
        .toEntity(JsonNode.class), 400, "unsupported-packing", "diagonal");
    assertProblem(http.post().uri("/estimates").header(Headers.TENANT, TENANT).contentType(MediaType.APPLICATION_JSON)
        .body("{\"model\":\"mdl-net\",\"packing\":\"latency\",\"images\":65}").retrieve()
        .toEntity(JsonNode.class), 400, "invalid-request", "at most 64 (images per latency request)");
  }

  @Test
  void keyUploadsThatAreNotEvaluationKeysAreRefused() {
    byte[] secret = CkksSerializer.write(client.secretKey());
    assertProblem(uploadKeys(TENANT, parts(secret, relinKey, null)), 400, "secret-key-refused", "publicKey");
    assertProblem(uploadKeys(TENANT, parts(publicKey, relinKey, secret)), 400, "secret-key-refused", "galoisKeys");
    MultiValueMap<String, Object> extra = parts(publicKey, relinKey, null);
    extra.add("secretKey", file(secret, "sk.ckks"));
    assertProblem(uploadKeys(TENANT, extra), 400, "unknown-part", "secretKey");
    assertProblem(uploadKeys(TENANT, parts(relinKey, publicKey, null)), 400, "wrong-key-type", "publicKey");
    assertProblem(uploadKeys(TENANT, parts(publicKey, Arrays.copyOf(relinKey, relinKey.length - 100), null)), 400,
        "malformed-key", "relinearizationKey", "truncated");
    assertProblem(uploadKeys(TENANT, parts(publicKey, "garbage".getBytes(), null)), 400, "malformed-key",
        "relinearizationKey");

    // a 128-bit set, but not one the service computes under
    CkksParameters odd = new CkksParameters(13, new int[] {50, 40}, 50, 40);
    KeyGenerator oddKeys = new KeyGenerator(odd, new byte[32]);
    assertProblem(uploadKeys(TENANT, parts(CkksSerializer.write(oddKeys.publicKey()),
        CkksSerializer.write(oddKeys.relinearizationKey()), null)), 400, "unsupported-parameters",
        ParameterSets.fingerprint(odd.id()), "test");
    assertProblem(uploadKeys(TENANT, parts(publicKey, CkksSerializer.write(oddKeys.relinearizationKey()), null)),
        400, "mismatched-parameters", "relinearizationKey");
  }

  @Test
  void inputsThatDoNotFitThePlanOrKeysAreRefusedBeforeQueueing() {
    String keySetId = keySet();
    JsonNode plan = compile("mdl-net");
    String planId = plan.get("plan").asString();
    int level = plan.get("inputLevel").asInt();
    double scale = plan.get("inputScale").asDouble();
    double[][] x = images(5, 8, 3);

    assertProblem(uploadInputs("not ciphertexts".getBytes(), null, null), 400, "malformed-ciphertext", "bad magic");
    byte[] good = encrypt(x, 8, level, scale, params, client);
    List<byte[]> parts = new ArrayList<>(CiphertextBatch.split(good));
    parts.set(3, Arrays.copyOf(parts.get(3), parts.get(3).length - 9));
    assertProblem(uploadInputs(CiphertextBatch.join(parts), planId, keySetId), 400, "malformed-ciphertext",
        "ciphertext 3", "truncated");
    assertProblem(uploadInputs(encrypt(x, 8, level - 1, scale, params, client), planId, keySetId), 400,
        "wrong-level", "level " + (level - 1), "level " + level);
    assertProblem(uploadInputs(encrypt(x, 8, level, scale * 2, params, client), planId, keySetId), 400,
        "wrong-scale");
    CkksParameters other = ParameterSets.byName(ParameterSets.CRYPTONETS);
    assertProblem(uploadInputs(encrypt(x, 8, level, scale, other, new KeyGenerator(other, new byte[32])), planId,
        keySetId), 400, "mismatched-parameters", ParameterSets.fingerprint(other.id()));

    // stored without the plan check, the wrong count is still refused when the job is submitted
    ResponseEntity<JsonNode> seven = uploadInputs(encrypt(x, 7, level, scale, params, client), null, null);
    assertThat(seven.getStatusCode().value()).isEqualTo(201);
    String sevenSha = seven.getBody().get("sha256").asString();
    assertProblem(submit(TENANT, "fhe.infer", "{\"plan\":\"" + planId + "\",\"keySet\":\"" + keySetId
        + "\",\"inputs\":\"" + sevenSha + "\"}"), 400, "wrong-count", "7 ciphertexts", "takes 8");

    String goodSha = uploadInputs(good, planId, keySetId).getBody().get("sha256").asString();
    // another tenant can use neither the key set nor the plan
    assertProblem(submit(OTHER, "fhe.infer", "{\"plan\":\"" + planId + "\",\"keySet\":\"" + keySetId
        + "\",\"inputs\":\"" + goodSha + "\"}"), 404, "not-found", "plan");
    ResponseEntity<JsonNode> otherKeys = uploadKeys(OTHER, parts(publicKey, relinKey, null));
    String otherPlan = compiledAs(OTHER).get("plan").asString();
    assertProblem(submit(OTHER, "fhe.infer", "{\"plan\":\"" + otherPlan + "\",\"keySet\":\"" + keySetId
        + "\",\"inputs\":\"" + goodSha + "\"}"), 404, "not-found", "key set");
    assertThat(otherKeys.getBody().get("id").asString()).isNotEqualTo(keySetId);
    assertProblem(submit(TENANT, "fhe.infer", "{\"plan\":\"" + planId + "\",\"keySet\":\"" + keySetId
        + "\",\"inputs\":\"" + "0".repeat(64) + "\"}"), 400, "unknown-inputs");
    // a plan needing the larger set does not take keys of the smaller one
    String deepPlan = compile("mdl-deep").get("plan").asString();
    assertProblem(submit(TENANT, "fhe.infer", "{\"plan\":\"" + deepPlan + "\",\"keySet\":\"" + keySetId
        + "\",\"inputs\":\"" + goodSha + "\"}"), 400, "mismatched-parameters", "cryptonets");
    assertProblem(submit(TENANT, "fhe.compile", "{\"model\":\"mdl-onnx\"}"), 400, "invalid-model", "onnx");
    assertProblem(submit(TENANT, "fhe.compile", "{\"model\":\"mdl-net\",\"parameterSet\":\"huge\"}"), 400,
        "unsupported-parameters", "huge");
    assertProblem(submit(TENANT, "fhe.compile", "{\"model\":\"mdl-deep\",\"parameterSet\":\"test\"}"), 400,
        "plan-does-not-fit", "depth 4");
    assertProblem(submit(OTHER, "fhe.compile", "{\"model\":\"mdl-net\"}"), 404, "not-found");
  }

  /** Diagonals encoded as plaintexts round more than integer weights do: see fhe-core's LatencyEvaluatorTest. */
  static final double LATENCY_LOGIT_TOLERANCE = 5e-3;

  /** The client's side of latency packing: one ciphertext per image, its features replicated with the period. */
  static byte[] encryptLatency(double[][] images, JsonNode plan, KeyGenerator keys) {
    CkksEncoder encoder = new CkksEncoder(params);
    SymmetricEncryptor encryptor = new SymmetricEncryptor(keys.secretKey(), new SecureRandom());
    Ciphertext[] out = new Ciphertext[images.length];
    for (int b = 0; b < images.length; b++) {
      out[b] = LatencyPacking.encrypt(plan.get("inputPeriod").asInt(), plan.get("inputCount").asInt(),
          plan.get("inputLevel").asInt(), plan.get("inputScale").asDouble(), images[b], encoder,
          encryptor::encrypt);
    }
    return CiphertextBatch.write(out);
  }

  static int[] rotationSteps(JsonNode plan) {
    int[] steps = new int[plan.get("rotationSteps").size()];
    for (int i = 0; i < steps.length; i++) {
      steps[i] = plan.get("rotationSteps").get(i).asInt();
    }
    return steps;
  }

  @Test
  void latencyPackedInferenceDecryptsToThePlaintextLogits() {
    JsonNode plan = result(finished(submit(TENANT, "fhe.compile",
        "{\"model\":\"mdl-net\",\"packing\":\"latency\"}")));
    String planId = plan.get("plan").asString();
    // the service's layout is the library's, step for step
    LatencyPlan expected = LatencyPlan.of(PlanCompiler.compile(network, params, PlanOptions.defaults()));
    int[] steps = expected.rotationSteps();
    assertThat(steps).isNotEmpty();
    assertThat(plan.get("packing").asString()).isEqualTo("latency");
    assertThat(plan.get("rotationSteps").toString()).isEqualTo(Arrays.toString(steps).replace(" ", ""));
    assertThat(plan.get("inputPeriod").asInt()).isEqualTo(expected.inputPeriod()).isEqualTo(8);
    assertThat(plan.get("ciphertextsPerImage").asInt()).isEqualTo(1);
    assertThat(plan.get("operations").get("rotations").asLong()).isEqualTo(expected.rotations()).isPositive();
    assertThat(plan.get("operations").get("scalarProducts").asLong()).isEqualTo(expected.plaintextProducts());
    assertThat(plan.get("operations").get("multiplications").asLong()).isEqualTo(1);
    assertThat(plan.get("sizes").get("galoisKeys").asLong())
        .isEqualTo(CkksSerializer.galoisKeysBytes(params, steps.length));
    JsonNode document = http.get().uri("/plans/{id}", planId).header(Headers.TENANT, TENANT).retrieve()
        .body(JsonNode.class);
    assertThat(document.get("rotationSteps")).isEqualTo(plan.get("rotationSteps"));
    assertThat(document.get("report").asString()).contains("latency packing");

    // the client makes Galois keys for exactly the plan's steps
    byte[] galois = CkksSerializer.write(client.galoisKeys(rotationSteps(plan), false));
    assertThat((long) galois.length).isEqualTo(plan.get("sizes").get("galoisKeys").asLong());
    ResponseEntity<JsonNode> registered = uploadKeys(TENANT, parts(publicKey, relinKey, galois));
    assertThat(registered.getStatusCode().value()).as(String.valueOf(registered.getBody())).isIn(200, 201);
    String keySetId = registered.getBody().get("id").asString();

    int count = 3;
    double[][] x = images(count, 8, 17);
    byte[] batch = encryptLatency(x, plan, client);
    ResponseEntity<JsonNode> uploaded = uploadInputs(batch, planId, keySetId);
    assertThat(uploaded.getStatusCode().value()).as(String.valueOf(uploaded.getBody())).isEqualTo(201);
    assertThat(uploaded.getBody().get("count").asInt()).isEqualTo(count);
    assertThat(CiphertextBatch.bytes(count, plan.get("sizes").get("inputCiphertext").asLong()))
        .isEqualTo(batch.length);
    String inputs = uploaded.getBody().get("sha256").asString();

    JsonNode infer = finished(submit(TENANT, "fhe.infer", "{\"plan\":\"" + planId + "\",\"keySet\":\""
        + keySetId + "\",\"inputs\":\"" + inputs + "\"}"));
    JsonNode summary = result(infer);
    assertThat(summary.get("packing").asString()).isEqualTo("latency");
    assertThat(summary.get("images").asInt()).isEqualTo(count);
    assertThat(summary.get("outputs").asInt()).isEqualTo(count);
    assertThat(summary.get("perImageMillis").asDouble()).isPositive();
    assertThat(infer.get("progress").get("fraction").asDouble()).isEqualTo(1.0);
    byte[] logitsBytes = http.get().uri("/jobs/{id}/artifacts/logits.ckks", infer.get("id").asString())
        .header(Headers.TENANT, TENANT).retrieve().body(byte[].class);
    assertThat((long) logitsBytes.length)
        .isEqualTo(CiphertextBatch.bytes(count, plan.get("sizes").get("outputCiphertext").asLong()));

    Ciphertext[] logits = CiphertextBatch.read(params, logitsBytes);
    assertThat(logits).hasSize(count);
    CkksEncoder encoder = new CkksEncoder(params);
    Decryptor decryptor = new Decryptor(client.secretKey());
    double worst = 0;
    for (int b = 0; b < count; b++) {
      double[] decrypted = LatencyPacking.decryptLogits(3, logits[b], encoder, decryptor);
      double[] plain = network.forward(x[b]);
      for (int k = 0; k < plain.length; k++) {
        worst = Math.max(worst, Math.abs(plain[k] - decrypted[k]));
      }
      assertThat(PolyNetwork.argmax(decrypted)).isEqualTo(PolyNetwork.argmax(plain));
    }
    assertThat(worst).isLessThan(LATENCY_LOGIT_TOLERANCE);

    // the latency estimate: the same rotation steps, Galois key bytes and per-image operations as the compiled plan,
    // the images evaluated one after another
    JsonNode estimate = http.post().uri("/estimates").header(Headers.TENANT, TENANT)
        .contentType(MediaType.APPLICATION_JSON).body("{\"model\":\"mdl-net\",\"packing\":\"latency\",\"images\":"
            + count + "}").retrieve().body(JsonNode.class);
    assertThat(estimate.get("packing").asString()).as(estimate.toString()).isEqualTo("latency");
    assertThat(estimate.get("rotationSteps")).isEqualTo(plan.get("rotationSteps"));
    assertThat(estimate.get("keySizes").get("galoisKeys").asLong()).isEqualTo(galois.length);
    assertThat(estimate.get("operations")).isEqualTo(plan.get("operations"));
    JsonNode time = estimate.get("time");
    assertThat(time.get("images").asInt()).isEqualTo(count);
    assertThat(time.get("perImageMillis").asDouble()).isPositive()
        .isCloseTo(1000 * time.get("perBatchSeconds").asDouble() / count, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(time.get("costs").get(0).get("rotation").asDouble()).isPositive();
  }

  @Test
  void latencyInferenceWithoutTheRotationKeysOrWithTheWrongCountIsRefused() {
    JsonNode plan = result(finished(submit(TENANT, "fhe.compile",
        "{\"model\":\"mdl-net\",\"packing\":\"latency\"}")));
    String planId = plan.get("plan").asString();
    byte[] one = encryptLatency(images(1, 8, 5), plan, client);
    String inputs = uploadInputs(one, null, null).getBody().get("sha256").asString();

    // no Galois keys at all, then keys for other steps
    String bare = uploadKeys(TENANT, parts(publicKey, relinKey, null)).getBody().get("id").asString();
    String steps = plan.get("rotationSteps").toString();
    ResponseEntity<JsonNode> refused = submit(TENANT, "fhe.infer", "{\"plan\":\"" + planId + "\",\"keySet\":\""
        + bare + "\",\"inputs\":\"" + inputs + "\"}");
    assertProblem(refused, 400, "missing-rotations", "rotation steps " + steps.replace(",", ", "));
    assertThat(refused.getBody().get("field").asString()).isEqualTo("params.keySet");
    int first = plan.get("rotationSteps").get(0).asInt();
    String partial = uploadKeys(TENANT, parts(publicKey, relinKey,
        CkksSerializer.write(client.galoisKeys(new int[] {first}, false)))).getBody().get("id").asString();
    assertProblem(submit(TENANT, "fhe.infer", "{\"plan\":\"" + planId + "\",\"keySet\":\"" + partial
        + "\",\"inputs\":\"" + inputs + "\"}"), 400, "missing-rotations");

    // a request carries 1 to batchSize images, one ciphertext each
    int max = plan.get("batchSize").asInt();
    Ciphertext c = CiphertextBatch.read(params, one)[0];
    Ciphertext[] tooMany = new Ciphertext[max + 1];
    Arrays.fill(tooMany, c);
    String keySetId = keySet();
    assertProblem(uploadInputs(CiphertextBatch.write(tooMany), planId, keySetId), 400, "wrong-count",
        (max + 1) + " ciphertexts", "one per image");
    String many = uploadInputs(CiphertextBatch.write(tooMany), null, null).getBody().get("sha256").asString();
    String full = uploadKeys(TENANT, parts(publicKey, relinKey, CkksSerializer.write(client.galoisKeys(rotationSteps(plan),
        false)))).getBody().get("id").asString();
    assertProblem(submit(TENANT, "fhe.infer", "{\"plan\":\"" + planId + "\",\"keySet\":\"" + full
        + "\",\"inputs\":\"" + many + "\"}"), 400, "wrong-count", "one per image");
    assertProblem(submit(TENANT, "fhe.infer", "{\"plan\":\"" + planId + "\",\"keySet\":\"" + full
        + "\",\"inputs\":\"" + inputs + "\",\"images\":2}"), 400, "invalid-params", "one per image");

    // a layer wider than the slots cannot be laid out one image per ciphertext, in a compile or an estimate
    model("mdl-too-wide", network(5000, 2, 2, 9));
    ResponseEntity<JsonNode> wide = submit(TENANT, "fhe.compile",
        "{\"model\":\"mdl-too-wide\",\"packing\":\"latency\"}");
    assertProblem(wide, 400, "plan-does-not-fit", "needs 8192 slots");
    assertThat(wide.getBody().get("field").asString()).isEqualTo("params.packing");
    assertProblem(submit(TENANT, "fhe.compile", "{\"model\":\"mdl-net\",\"packing\":\"diagonal\"}"), 400,
        "unsupported-packing", "diagonal");
    assertProblem(http.post().uri("/estimates").header(Headers.TENANT, TENANT).contentType(MediaType.APPLICATION_JSON)
        .body("{\"model\":\"mdl-too-wide\",\"packing\":\"latency\"}").retrieve().toEntity(JsonNode.class), 400,
        "plan-does-not-fit", "needs 8192 slots");
  }

  @Test
  void aRunningInferenceIsCancelledBetweenCiphertexts() {
    String keySetId = keySet();
    model("mdl-wide", network(16, 1024, 4, 9));
    JsonNode plan = compile("mdl-wide");
    byte[] batch = encrypt(images(8, 16, 2), 16, plan.get("inputLevel").asInt(), plan.get("inputScale").asDouble(),
        params, client);
    String inputs = uploadInputs(batch, null, null).getBody().get("sha256").asString();
    ResponseEntity<JsonNode> submitted = submit(TENANT, "fhe.infer", "{\"plan\":\"" + plan.get("plan").asString()
        + "\",\"keySet\":\"" + keySetId + "\",\"inputs\":\"" + inputs + "\",\"parallel\":false}");
    String id = submitted.getBody().get("id").asString();
    // 1,024 squares with relinearisation take seconds on one thread: cancel while they run
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20)).until(() -> {
      JsonNode progress = job(id).get("progress");
      return progress != null && progress.has("stage") && progress.get("stage").asString().startsWith("step 2/3");
    });
    assertThat(http.post().uri("/jobs/{id}/cancel", id).header(Headers.TENANT, TENANT).retrieve().toBodilessEntity()
        .getStatusCode().is2xxSuccessful()).isTrue();
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
        .until(() -> job(id).get("state").asString().equals("CANCELLED"));
    JsonNode cancelled = job(id);
    assertThat(cancelled.get("artifacts").size()).as(cancelled.toString()).isZero();
    assertThat(cancelled.get("progress").get("fraction").asDouble()).isLessThan(0.95);
  }

  /** Bright bars in three places, with noise: classes a small network separates easily. */
  static byte[][] syntheticDigits(int n, long seed) {
    Random random = new Random(seed);
    java.nio.ByteBuffer images = java.nio.ByteBuffer.allocate(16 + n * 28 * 28).putInt(0x803).putInt(n).putInt(28)
        .putInt(28);
    java.nio.ByteBuffer labels = java.nio.ByteBuffer.allocate(8 + n).putInt(0x801).putInt(n);
    for (int i = 0; i < n; i++) {
      int label = i % 3;
      for (int r = 0; r < 28; r++) {
        for (int c = 0; c < 28; c++) {
          boolean bar = label == 0 ? c >= 4 && c < 10 : label == 1 ? c >= 18 && c < 24 : r >= 11 && r < 17;
          images.put((byte) Math.max(0, Math.min(255, (bar ? 200 : 20) + (int) (random.nextGaussian() * 30))));
        }
      }
      labels.put((byte) label);
    }
    return new byte[][] {images.array(), labels.array()};
  }

  void idxDataset(String id, byte[] bytes, List<Integer> shape) {
    ArtifactRef ref = store.putBytes(bytes, "application/octet-stream", id + ".idx");
    given(catalog.dataset(eq(TENANT), eq(id))).willReturn(new org.trustml.core.catalog.DatasetDescriptor(id, TENANT,
        id, "idx", ref, shape.get(0), 0, List.of(), null, List.of(), shape, "uint8", Lineage.upload(),
        OffsetDateTime.now()));
  }

  @Test
  void trainedNetworksAreRegisteredAndCompile() {
    byte[][] digits = syntheticDigits(300, 4);
    idxDataset("ds-images", digits[0], List.of(300, 28, 28));
    idxDataset("ds-labels", digits[1], List.of(300));
    List<org.trustml.core.catalog.ModelRegistration> registered = new ArrayList<>();
    given(catalog.registerModel(any())).willAnswer(inv -> {
      org.trustml.core.catalog.ModelRegistration r = inv.getArgument(0);
      registered.add(r);
      ModelDescriptor d = new ModelDescriptor("mdl-trained", r.owner(), r.name(), r.framework(), r.artifact(),
          r.metadata(), r.lineage(), OffsetDateTime.now());
      given(catalog.model(eq(TENANT), eq("mdl-trained"))).willReturn(d);
      return d;
    });
    JsonNode trained = result(finished(submit(TENANT, "fhe.train", "{\"images\":\"ds-images\",\"labels\":"
        + "\"ds-labels\",\"hidden\":8,\"epochs\":4,\"batchSize\":32,\"learningRate\":0.01}")));
    assertThat(trained.get("model").asString()).isEqualTo("mdl-trained");
    assertThat(trained.get("inputSize").asInt()).isEqualTo(6 * 7 * 7);
    assertThat(trained.get("classes").asInt()).isEqualTo(3);
    assertThat(trained.get("trainAccuracy").asDouble()).as(trained.toString()).isGreaterThan(0.9);
    org.trustml.core.catalog.ModelRegistration r = registered.get(0);
    assertThat(r.framework()).isEqualTo("trustml-poly-network");
    assertThat(r.lineage().parents()).containsExactly("ds-images", "ds-labels");
    assertThat(r.metadata().get("features").get("means").size()).isEqualTo(6);
    PolyNetwork net = PolyNetworkFormat.fromJson(new String(store.readAllBytes(r.artifact().sha256()),
        java.nio.charset.StandardCharsets.UTF_8));
    assertThat(net.inputSize()).isEqualTo(294);

    JsonNode plan = compile("mdl-trained");
    assertThat(plan.get("inputCount").asInt()).isEqualTo(294);
    assertThat(plan.get("operations").get("multiplications").asLong()).isEqualTo(8);

    assertProblem(submit(TENANT, "fhe.train", "{\"images\":\"ds-labels\",\"labels\":\"ds-labels\"}"), 400,
        "invalid-dataset", "28 x 28");
    assertProblem(submit(TENANT, "fhe.train", "{\"images\":\"ds-images\",\"labels\":\"ds-labels\","
        + "\"lumaChannels\":[0,16]}"), 400, "invalid-params", "lumaChannels");
    assertProblem(submit(TENANT, "fhe.train", "{\"images\":\"ds-images\",\"labels\":\"ds-labels\","
        + "\"count\":301}"), 400, "invalid-params", "301");
  }

  /** The result of {@code tenant} compiling its own copy of the model. */
  JsonNode compiledAs(String tenant) {
    ArtifactRef ref = store.putText(PolyNetworkFormat.toJson(network), "application/json", "o.json");
    given(catalog.model(eq(tenant), eq("mdl-own"))).willReturn(new ModelDescriptor("mdl-own", tenant, "o",
        PolyNetworkFormat.FORMAT, ref, null, Lineage.upload(), OffsetDateTime.now()));
    JobsHttp jobs = jobsOf(tenant);
    return jobs.result(jobs.run("fhe.compile", "{\"model\":\"mdl-own\"}"));
  }
}
