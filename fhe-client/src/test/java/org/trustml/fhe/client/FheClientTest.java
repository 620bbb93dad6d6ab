package org.trustml.fhe.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.trustml.fhe.ckks.Ciphertext;
import org.trustml.fhe.ckks.CiphertextBatch;
import org.trustml.fhe.ckks.CkksEncoder;
import org.trustml.fhe.ckks.CkksSerializer;
import org.trustml.fhe.ckks.Encryptor;
import org.trustml.fhe.ckks.PublicKey;
import org.trustml.fhe.model.ImageFeatures;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The client against a fake server: the requests it sends, how it reads answers and problem details. */
class FheClientTest {

  static ClientKeys keys;
  static final String PLAN = "{\"model\":\"mdl-1\",\"parameterSet\":\"test\",\"packing\":\"throughput\","
      + "\"inputLevel\":2,\"inputScale\":34359738368.0,\"inputCount\":3,\"outputCount\":2,\"batchSize\":4096}";

  @BeforeAll
  static void keys() {
    byte[] seed = new byte[32];
    seed[0] = 9;
    keys = ClientKeys.generate("test", seed, new int[0]);
  }

  @Test
  void registersOnlyTheEvaluationKeysAsMultipartParts() throws Exception {
    try (FakeServer server = new FakeServer()) {
      server.on("POST", "/api/v1/fhe/keysets", r -> FakeServer.Response.json(201, "{\"id\":\"ks-1\"}"));
      assertThat(new FheClient(server.url() + "/", "key-1").registerKeys(keys)).isEqualTo("ks-1");
      FakeServer.Request r = server.last();
      assertThat(r.header("X-API-Key")).isEqualTo("key-1");
      String contentType = r.header("Content-Type");
      assertThat(contentType).startsWith("multipart/form-data; boundary=");
      String boundary = contentType.substring(contentType.indexOf('=') + 1);
      String[] parts = r.text().split("--" + boundary);
      // a preamble, two parts, the closing "--"
      assertThat(parts).hasSize(4);
      assertThat(parts[1]).contains("name=\"publicKey\"");
      assertThat(parts[2]).contains("name=\"relinearizationKey\"");
      assertThat(parts[3].trim()).isEqualTo("--");
      assertThat(r.text()).contains(new String(keys.publicKey(), StandardCharsets.ISO_8859_1))
          .contains(new String(keys.relinearizationKey(), StandardCharsets.ISO_8859_1))
          .doesNotContain(new String(CkksSerializer.write(keys.secretKey()), StandardCharsets.ISO_8859_1));
    }
  }

  @Test
  void problemDetailsBecomeTypedExceptions() throws Exception {
    try (FakeServer server = new FakeServer()) {
      server.on("POST", "/api/v1/fhe/keysets", r -> FakeServer.Response.json(400, "{\"type\":"
          + "\"urn:trustml:problem:secret-key-refused\",\"title\":\"Bad Request\",\"status\":400,\"detail\":"
          + "\"publicKey is a secret key; the service never accepts one\",\"field\":\"publicKey\"}"));
      server.on("GET", "/api/v1/fhe/jobs/j-1", r -> new FakeServer.Response(502, "text/plain",
          "upstream down".getBytes(StandardCharsets.UTF_8)));
      FheClient client = new FheClient(server.url(), "k");
      assertThatThrownBy(() -> client.registerKeys(keys)).isInstanceOfSatisfying(FheProblemException.class, e -> {
        assertThat(e.status()).isEqualTo(400);
        assertThat(e.type()).isEqualTo("urn:trustml:problem:secret-key-refused");
        assertThat(e.code()).isEqualTo("secret-key-refused");
        assertThat(e.detail()).contains("never accepts");
        assertThat(e.field()).isEqualTo("publicKey");
        assertThat(e.getMessage()).contains("400", "secret-key-refused", "publicKey");
      });
      assertThatThrownBy(() -> client.job("j-1")).isInstanceOfSatisfying(FheProblemException.class, e -> {
        assertThat(e.status()).isEqualTo(502);
        assertThat(e.type()).isNull();
        assertThat(e.detail()).isEqualTo("upstream down");
      });
      assertThatThrownBy(() -> client.plan("nope")).isInstanceOfSatisfying(FheProblemException.class,
          e -> assertThat(e.code()).isEqualTo("not-found"));
    }
  }

  @Test
  void readsThePlanAndRebuildsTheFeaturesFromTheModel() throws Exception {
    try (FakeServer server = new FakeServer()) {
      server.on("GET", "/api/v1/fhe/plans/p 1", r -> FakeServer.Response.json(200, PLAN));
      server.on("GET", "/api/v1/models/mdl-1", r -> FakeServer.Response.json(200, "{\"id\":\"mdl-1\",\"metadata\":"
          + "{\"features\":{\"description\":\"pixels:14x14\",\"means\":[10.0],\"stds\":[2.0]}}}"));
      FheClient client = new FheClient(server.url(), "k");
      FheClient.Plan plan = client.plan("p 1");
      assertThat(server.last().path()).isEqualTo("/api/v1/fhe/plans/p 1");
      assertThat(plan.inputLevel()).isEqualTo(2);
      assertThat(plan.inputScale()).isEqualTo(34359738368.0);
      assertThat(plan.inputCount()).isEqualTo(3);
      ImageFeatures features = client.features(plan);
      assertThat(features.description()).isEqualTo("pixels:14x14");
      assertThat(features.normaliser().means()).containsExactly(10.0);
      server.on("GET", "/api/v1/models/mdl-1", r -> FakeServer.Response.json(200, "{\"id\":\"mdl-1\"}"));
      assertThatThrownBy(() -> client.features(plan)).hasMessageContaining("records no feature pipeline");
    }
  }

  @Test
  void uploadsSubmitsPollsAndDecrypts() throws Exception {
    JsonMapper json = JsonMapper.builder().build();
    FheClient.Plan plan = new FheClient.Plan("p-1", "mdl-1", "test", "throughput", 2, Math.pow(2, 35), 3, 2, 4096,
        0, new int[0], null);
    double[][] features = {{0.5, -1, 2}, {1.5, 0.25, -0.75}};
    byte[] batch = BatchCrypto.encrypt(plan, keys, features);
    // the batch holds one ciphertext per feature at the plan's level and scale, slot b = image b
    Ciphertext[] inputs = CiphertextBatch.read(keys.parameters(), batch);
    assertThat(inputs).hasSize(3);
    assertThat(CkksSerializer.header(CkksSerializer.write(inputs[0])).level()).isEqualTo(2);
    // the "server" answers with logits encrypted under the public key: what the client decrypts must be them
    double[][] logits = {{1, 3}, {2, -1}};
    PublicKey pk = CkksSerializer.readPublicKey(keys.parameters(), keys.publicKey());
    Encryptor encryptor = new Encryptor(pk, new java.security.SecureRandom());
    CkksEncoder encoder = new CkksEncoder(keys.parameters());
    byte[] outputs = CiphertextBatch.write(new Ciphertext[] {
        encryptor.encrypt(encoder.encode(new double[] {logits[0][0], logits[1][0]}, 1, Math.pow(2, 30))),
        encryptor.encrypt(encoder.encode(new double[] {logits[0][1], logits[1][1]}, 1, Math.pow(2, 30)))});
    AtomicInteger polls = new AtomicInteger();
    try (FakeServer server = new FakeServer()) {
      server.on("POST", "/api/v1/fhe/ciphertexts", r -> FakeServer.Response.json(201, "{\"sha256\":\"abc\"}"));
      server.on("POST", "/api/v1/fhe/jobs", r -> FakeServer.Response.json(202,
          "{\"id\":\"j-1\",\"type\":\"fhe.infer\",\"state\":\"QUEUED\",\"params\":{\"images\":2}}"));
      server.on("GET", "/api/v1/fhe/jobs/j-1", r -> FakeServer.Response.json(200, polls.incrementAndGet() < 3
          ? "{\"id\":\"j-1\",\"state\":\"RUNNING\",\"progress\":{\"fraction\":0.5,\"stage\":\"square\"}}"
          : "{\"id\":\"j-1\",\"type\":\"fhe.infer\",\"state\":\"SUCCEEDED\",\"params\":{\"plan\":\"p-1\","
              + "\"images\":2},"
              + "\"result\":{\"images\":2}}"));
      server.on("GET", "/api/v1/fhe/jobs/j-1/artifacts/logits.ckks",
          r -> new FakeServer.Response(200, "application/octet-stream", outputs));
      server.on("GET", "/api/v1/fhe/plans/p-1", r -> FakeServer.Response.json(200, PLAN));
      FheClient client = new FheClient(server.url(), "k").pollInterval(Duration.ofMillis(10));

      assertThat(client.uploadInputs(batch, "p-1", "ks 1")).isEqualTo("abc");
      FakeServer.Request upload = server.last();
      assertThat(upload.query()).isEqualTo("plan=p-1&keySet=ks%201");
      assertThat(upload.header("Content-Type")).isEqualTo("application/octet-stream");
      assertThat(upload.body()).isEqualTo(batch);

      FheClient.Job job = client.infer("p-1", "ks-1", "abc", 2);
      JsonNode submitted = json.readTree(server.last().body());
      assertThat(submitted.get("type").asString()).isEqualTo("fhe.infer");
      assertThat(submitted.get("params").toString())
          .isEqualTo("{\"plan\":\"p-1\",\"keySet\":\"ks-1\",\"inputs\":\"abc\",\"images\":2}");
      assertThat(job.state()).isEqualTo("QUEUED");

      assertThat(client.awaitSuccess("j-1", Duration.ofSeconds(10)).result().get("images").asInt()).isEqualTo(2);
      assertThat(polls.get()).isEqualTo(3);
      double[][] decrypted = client.decryptLogits("j-1", keys);
      for (int b = 0; b < 2; b++) {
        for (int k = 0; k < 2; k++) {
          assertThat(decrypted[b][k]).isCloseTo(logits[b][k], within(1e-4));
        }
      }
      assertThat(BatchCrypto.argmax(decrypted)).containsExactly(1, 0);
    }
  }

  @Test
  void encryptionRefusesAnotherParameterSetOrPacking() {
    FheClient.Plan other = new FheClient.Plan("p", "m", "cryptonets", "throughput", 2, 1e10, 3, 2, 8192, 0, new int[0], null);
    assertThatThrownBy(() -> BatchCrypto.encrypt(other, keys, new double[][] {{1, 2, 3}}))
        .hasMessageContaining("--params cryptonets");
    FheClient.Plan diagonal = new FheClient.Plan("p", "m", "test", "diagonal", 2, 1e10, 3, 2, 4096, 0, new int[0],
        null);
    assertThatThrownBy(() -> BatchCrypto.encrypt(diagonal, keys, new double[][] {{1, 2, 3}}))
        .hasMessageContaining("uses diagonal packing");
    FheClient.Plan latency = new FheClient.Plan("p", "m", "test", "latency", 2, 1e10, 3, 2, 4, 4, new int[] {1},
        null);
    assertThatThrownBy(() -> BatchCrypto.encrypt(latency, keys, new double[5][3])).hasMessageContaining("1 to 4");
    assertThatThrownBy(() -> BatchCrypto.encrypt(latency, keys, new double[][] {{1, 2}}))
        .hasMessageContaining("takes 3");
    FheClient.Plan plan = new FheClient.Plan("p", "m", "test", "throughput", 2, 1e10, 3, 2, 4096, 0, new int[0],
        null);
    assertThatThrownBy(() -> BatchCrypto.encrypt(plan, keys, new double[][] {{1, 2}}))
        .hasMessageContaining("takes 3");
    assertThat(Arrays.stream(BatchCrypto.argmax(new double[][] {{0, 0}, {-1, -2}})).boxed()).containsExactly(0, 0);
  }
}
