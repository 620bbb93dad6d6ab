package org.trustml.fhe.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.trustml.fhe.ckks.Ciphertext;
import org.trustml.fhe.ckks.CiphertextBatch;
import org.trustml.fhe.ckks.CkksEncoder;
import org.trustml.fhe.ckks.CkksSerializer;
import org.trustml.fhe.ckks.Encryptor;
import org.trustml.fhe.ckks.GaloisKeys;
import org.trustml.fhe.ckks.KeySwitchKey;
import org.trustml.fhe.model.PolyNetwork;
import org.trustml.fhe.model.RandomNetworks;
import org.trustml.fhe.plan.LatencyEvaluator;
import org.trustml.fhe.plan.LatencyPlan;
import org.trustml.fhe.plan.ParameterSets;
import org.trustml.fhe.plan.PlanCompiler;
import org.trustml.fhe.plan.PlanOptions;

/**
 * The client's latency packing against the library's server side: keys made for the plan's rotation steps, one
 * ciphertext per image, evaluated by {@link LatencyEvaluator} with the uploaded evaluation keys only, decrypted back
 * to the plaintext network's logits.
 */
class LatencyBatchCryptoTest {

  /** Diagonals encoded as plaintexts round more than integer weights do: see fhe-core's LatencyEvaluatorTest. */
  static final double TOLERANCE = 5e-3;

  static PolyNetwork network() {
    return RandomNetworks.network(6, 5, 3, 3);
  }

  /** The plan as the client reads it from the service's plan document. */
  static FheClient.Plan clientPlan(LatencyPlan latency) {
    return new FheClient.Plan("p-lat", "m", "test", FheClient.LATENCY, latency.plan().inputLevel(),
        latency.plan().inputScale(), latency.plan().inputCount(), latency.plan().outputCount(), 8,
        latency.inputPeriod(), latency.rotationSteps(), null);
  }

  @Test
  void latencyBatchesRoundTripThroughTheLibrarysEvaluator() {
    PolyNetwork network = network();
    LatencyPlan latency = LatencyPlan.of(PlanCompiler.compile(network, ParameterSets.byName("test"),
        PlanOptions.defaults()));
    FheClient.Plan plan = clientPlan(latency);
    byte[] seed = new byte[32];
    seed[0] = 7;
    ClientKeys keys = ClientKeys.forPlan(plan, seed);
    assertThat(keys.missingRotations(plan.rotationSteps())).isEmpty();
    assertThat(ClientKeys.generate("test", seed, new int[0]).missingRotations(new int[] {4, 1}))
        .containsExactly(1, 4);

    Random random = new Random(11);
    double[][] x = new double[3][6];
    for (double[] row : x) {
      for (int k = 0; k < row.length; k++) {
        row[k] = 4 * random.nextDouble() - 2;
      }
    }
    byte[] batch = BatchCrypto.encrypt(plan, keys, x);
    Ciphertext[] inputs = CiphertextBatch.read(keys.parameters(), batch);
    assertThat(inputs).hasSize(3);

    // the server's side, from the uploaded evaluation keys alone
    KeySwitchKey relin = CkksSerializer.readKeySwitchKey(keys.parameters(), keys.relinearizationKey());
    GaloisKeys galois = CkksSerializer.readGaloisKeys(keys.parameters(), keys.galoisKeys());
    LatencyEvaluator server = new LatencyEvaluator(latency, relin, galois, false);
    Ciphertext[] outputs = new Ciphertext[inputs.length];
    for (int b = 0; b < inputs.length; b++) {
      outputs[b] = server.evaluate(inputs[b]);
    }
    double[][] logits = BatchCrypto.decryptLogits(plan, keys, CiphertextBatch.write(outputs), 3);
    int[] classes = BatchCrypto.argmax(logits);
    for (int b = 0; b < 3; b++) {
      double[] expected = network.forward(x[b]);
      assertThat(logits[b]).hasSize(3);
      for (int k = 0; k < 3; k++) {
        assertThat(Math.abs(logits[b][k] - expected[k])).isLessThan(TOLERANCE);
      }
      assertThat(classes[b]).isEqualTo(PolyNetwork.argmax(expected));
    }
    assertThatThrownBy(() -> BatchCrypto.decryptLogits(plan, keys, CiphertextBatch.write(outputs), 2))
        .hasMessageContaining("one per image");
  }

  @Test
  void theClientReadsALatencyPlanAndDecryptsItsJobsLogits() throws Exception {
    try (FakeServer server = new FakeServer()) {
      server.on("GET", "/api/v1/fhe/plans/p-lat", r -> FakeServer.Response.json(200, "{\"model\":\"m\","
          + "\"parameterSet\":\"test\",\"packing\":\"latency\",\"inputLevel\":2,\"inputScale\":34359738368.0,"
          + "\"inputCount\":6,\"outputCount\":3,\"batchSize\":64,\"rotationSteps\":[1,2,4],\"inputPeriod\":8,"
          + "\"ciphertextsPerImage\":1}"));
      FheClient client = new FheClient(server.url(), "k");
      FheClient.Plan plan = client.plan("p-lat");
      assertThat(plan.isLatency()).isTrue();
      assertThat(plan.rotationSteps()).containsExactly(1, 2, 4);
      assertThat(plan.inputPeriod()).isEqualTo(8);
      assertThat(plan.batchSize()).isEqualTo(64);
      ClientKeys keys = ClientKeys.forPlan(plan, new byte[32]);
      assertThat(keys.missingRotations(new int[] {1, 2, 4})).isEmpty();
      server.on("POST", "/api/v1/fhe/jobs", r -> FakeServer.Response.json(202,
          "{\"id\":\"c-1\",\"type\":\"fhe.compile\",\"state\":\"QUEUED\"}"));
      client.compile("mdl-1", FheClient.LATENCY);
      assertThat(server.last().text()).contains("\"packing\":\"latency\"");

      // a finished job's logits: one ciphertext per image, the classes in slots 0..2
      double[][] logits = {{1, -2, 0.5}, {-1, 0.25, 3}};
      Encryptor encryptor = new Encryptor(CkksSerializer.readPublicKey(keys.parameters(), keys.publicKey()),
          new java.security.SecureRandom());
      CkksEncoder encoder = new CkksEncoder(keys.parameters());
      byte[] outputs = CiphertextBatch.write(new Ciphertext[] {
          encryptor.encrypt(encoder.encode(logits[0], 0, Math.pow(2, 30))),
          encryptor.encrypt(encoder.encode(logits[1], 0, Math.pow(2, 30)))});
      server.on("GET", "/api/v1/fhe/jobs/j-lat", r -> FakeServer.Response.json(200, "{\"id\":\"j-lat\","
          + "\"type\":\"fhe.infer\",\"state\":\"SUCCEEDED\",\"params\":{\"plan\":\"p-lat\",\"images\":2}}"));
      server.on("GET", "/api/v1/fhe/jobs/j-lat/artifacts/logits.ckks",
          r -> new FakeServer.Response(200, "application/octet-stream", outputs));
      double[][] decrypted = client.decryptLogits("j-lat", keys);
      assertThat(decrypted.length).isEqualTo(2);
      for (int b = 0; b < 2; b++) {
        assertThat(decrypted[b]).hasSize(3);
        for (int k = 0; k < 3; k++) {
          assertThat(decrypted[b][k]).isCloseTo(logits[b][k], org.assertj.core.data.Offset.offset(1e-4));
        }
      }
      assertThat(BatchCrypto.argmax(decrypted)).containsExactly(0, 2);
    }
  }
}
