package org.trustml.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import org.trustml.client.model.KeyRequest;
import org.trustml.fhe.ckks.CkksSerializer;
import org.trustml.fhe.client.BatchCrypto;
import org.trustml.fhe.client.ClientKeys;
import org.trustml.fhe.client.FheClient;
import org.trustml.fhe.client.FheProblemException;
import org.trustml.fhe.client.IdxImages;
import org.trustml.fhe.client.cli.FheCli;
import org.trustml.fhe.dct.LabelledImages;
import org.trustml.fhe.model.PolyNetwork;
import org.trustml.fhe.model.PolyNetworkFormat;
import tools.jackson.databind.JsonNode;

/**
 * fhe-service behind the gateway, driven by the client library (fhe-client) and its command line as a user would:
 * upload an IDX image set and its labels, train (fhe.train) and compile (fhe.compile) a small network, make keys on the
 * client with the CLI, register the evaluation keys, encrypt images, infer (fhe.infer), decrypt with the CLI and the
 * library; the classes must be the plaintext network's on the same features. The secret key never leaves the test's
 * directory; sent as a public key it is refused.
 */
class FheThroughTheGatewayTest {

  static final int IMAGES = 150;
  static final int ENCRYPTED = 12;
  static final Duration JOB_TIMEOUT = Duration.ofSeconds(90);

  static String key;
  static RestClient http;

  @TempDir static Path dir;

  @BeforeAll
  static void start() throws Exception {
    ThroughTheGatewayTest.platform = PlatformFixture.get();
    key = ThroughTheGatewayTest.issue("fhe-co", KeyRequest.RoleEnum.USER, 10_000);
    http = RestClient.builder().baseUrl(ThroughTheGatewayTest.platform.gatewayUrl())
        .defaultHeader("X-API-Key", key).defaultStatusHandler(HttpStatusCode::isError, (req, res) -> {}).build();
  }

  /** Three classes of 28 x 28 images: a bar on the left, on the right, or across the middle, with noise. */
  static byte[][] bars(int n, long seed) {
    Random random = new Random(seed);
    ByteBuffer images = ByteBuffer.allocate(16 + n * 28 * 28).putInt(0x803).putInt(n).putInt(28).putInt(28);
    ByteBuffer labels = ByteBuffer.allocate(8 + n).putInt(0x801).putInt(n);
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

  static String upload(String name, byte[] bytes) {
    JsonNode d = http.post().uri("/api/v1/datasets?name={n}&format=idx", name)
        .contentType(MediaType.APPLICATION_OCTET_STREAM).body(bytes).retrieve().body(JsonNode.class);
    assertThat(d.has("id")).as(d.toString()).isTrue();
    return d.get("id").asString();
  }

  static String cli(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    String[] all = new String[args.length + 2];
    all[0] = "--url";
    all[1] = ThroughTheGatewayTest.platform.gatewayUrl();
    System.arraycopy(args, 0, all, 2, args.length);
    int status = FheCli.run(all, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), Map.of("TRUSTML_API_KEY", key));
    assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void trainCompileEncryptInferAndDecryptOnTheClient() throws Exception {
    FheClient client = new FheClient(ThroughTheGatewayTest.platform.gatewayUrl(), key);
    byte[][] data = bars(IMAGES, 4);
    Path imagesFile = dir.resolve("images-idx3-ubyte");
    Files.write(imagesFile, data[0]);

    // train and compile on the server: a tiny network on the DC coefficients only (49 features)
    Map<String, Object> train = new LinkedHashMap<>();
    train.put("images", upload("bars", data[0]));
    train.put("labels", upload("bar-labels", data[1]));
    train.put("lumaChannels", List.of(0));
    train.put("hidden", 4);
    train.put("epochs", 6);
    train.put("batchSize", 32);
    train.put("learningRate", 0.02);
    FheClient.Job trained = client.awaitSuccess(client.submit("fhe.train", train).id(), JOB_TIMEOUT);
    String model = trained.result().get("model").asString();
    FheClient.Job compiled = client.awaitSuccess(client.compile(model).id(), JOB_TIMEOUT);
    FheClient.Plan plan = client.plan(compiled.id());
    assertThat(plan.model()).isEqualTo(model);
    assertThat(plan.inputCount()).isEqualTo(49);

    // keys on the client (the CLI), evaluation keys registered
    Path keysDir = dir.resolve("keys");
    assertThat(cli("keygen", "--params", plan.parameterSet(), "--out", keysDir.toString())).contains("keys for");
    ClientKeys keys = ClientKeys.read(keysDir);
    String keySet = client.registerKeys(keys);
    assertThat(client.registerKeys(keys)).isEqualTo(keySet);

    // encrypt on the client with the model's recorded feature pipeline, infer on the server
    LabelledImages images = IdxImages.read(imagesFile, ENCRYPTED);
    double[][] features = client.features(plan).transform(images, 0, ENCRYPTED);
    byte[] batch = BatchCrypto.encrypt(plan, keys, features);
    String inputs = client.uploadInputs(batch, plan.id(), keySet);
    FheClient.Job inferred = client.awaitSuccess(client.infer(plan.id(), keySet, inputs, ENCRYPTED).id(),
        JOB_TIMEOUT);

    // decrypt: the library's logits and the CLI's classes agree with the plaintext network on the same features
    PolyNetwork network = PolyNetworkFormat.fromJson(new String(client.artifact(compiled.id(), "network.json"),
        StandardCharsets.UTF_8));
    double[][] logits = client.decryptLogits(inferred.id(), keys);
    int[] plaintextClasses = new int[ENCRYPTED];
    for (int b = 0; b < ENCRYPTED; b++) {
      double[] expected = network.forward(features[b]);
      for (int k = 0; k < expected.length; k++) {
        assertThat(logits[b][k]).as("image %d logit %d", b, k).isCloseTo(expected[k], within(1e-3));
      }
      plaintextClasses[b] = PolyNetwork.argmax(expected);
    }
    assertThat(BatchCrypto.argmax(logits)).containsExactly(plaintextClasses);
    int[] cliClasses = cli("decrypt", "--keys", keysDir.toString(), "--job", inferred.id()).lines()
        .mapToInt(Integer::parseInt).toArray();
    assertThat(cliClasses).containsExactly(plaintextClasses);
    // and the network learned the bars: the classes are the labels (every third image is a class)
    long right = java.util.stream.IntStream.range(0, ENCRYPTED).filter(i -> cliClasses[i] == i % 3).count();
    assertThat(right).as(Arrays.toString(cliClasses)).isGreaterThanOrEqualTo(ENCRYPTED - 2);

    // the same model with latency packing: keys for the plan's rotation steps from the CLI, one ciphertext per image
    FheClient.Job latencyCompiled = client.awaitSuccess(client.compile(model, FheClient.LATENCY).id(), JOB_TIMEOUT);
    FheClient.Plan latency = client.plan(latencyCompiled.id());
    assertThat(latency.isLatency()).isTrue();
    assertThat(latency.rotationSteps()).isNotEmpty();
    Path latencyKeysDir = dir.resolve("latency-keys");
    assertThat(cli("keygen", "--plan", latency.id(), "--out", latencyKeysDir.toString())).contains("Galois keys");
    ClientKeys latencyKeys = ClientKeys.read(latencyKeysDir);
    assertThat(latencyKeys.missingRotations(latency.rotationSteps())).isEmpty();
    String latencyKeySet = client.registerKeys(latencyKeys);
    byte[] perImage = BatchCrypto.encrypt(latency, latencyKeys, features);
    String latencyInputs = client.uploadInputs(perImage, latency.id(), latencyKeySet);
    FheClient.Job latencyInferred = client.awaitSuccess(client.infer(latency.id(), latencyKeySet, latencyInputs,
        ENCRYPTED).id(), JOB_TIMEOUT);
    double[][] latencyLogits = client.decryptLogits(latencyInferred.id(), latencyKeys);
    for (int b = 0; b < ENCRYPTED; b++) {
      double[] expected = network.forward(features[b]);
      for (int k = 0; k < expected.length; k++) {
        // plaintext diagonals round more than integer weights: fhe-core's LatencyEvaluatorTest explains 5e-3
        assertThat(latencyLogits[b][k]).as("latency image %d logit %d", b, k).isCloseTo(expected[k], within(5e-3));
      }
    }
    assertThat(BatchCrypto.argmax(latencyLogits)).containsExactly(plaintextClasses);
  }

  @Test
  void aSecretKeySentAsThePublicKeyIsRefused() throws Exception {
    FheClient client = new FheClient(ThroughTheGatewayTest.platform.gatewayUrl(), key);
    byte[] seed = new byte[32];
    seed[0] = 7;
    ClientKeys keys = ClientKeys.generate("test", seed, new int[0]);
    Map<String, byte[]> parts = new LinkedHashMap<>();
    parts.put("publicKey", CkksSerializer.write(keys.secretKey()));
    parts.put("relinearizationKey", keys.relinearizationKey());
    assertThatThrownBy(() -> client.registerKeyParts(parts)).isInstanceOfSatisfying(FheProblemException.class, e -> {
      assertThat(e.status()).isEqualTo(400);
      assertThat(e.code()).isEqualTo("secret-key-refused");
      assertThat(e.field()).isEqualTo("publicKey");
    });
  }
}
