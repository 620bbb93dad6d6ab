package org.trustml.fhe.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.trustml.fhe.ckks.Ciphertext;
import org.trustml.fhe.ckks.CkksEncoder;
import org.trustml.fhe.ckks.CkksParameters;
import org.trustml.fhe.ckks.Decryptor;
import org.trustml.fhe.ckks.Evaluator;
import org.trustml.fhe.ckks.GaloisKeys;
import org.trustml.fhe.ckks.KeyGenerator;
import org.trustml.fhe.ckks.SymmetricEncryptor;
import org.trustml.fhe.model.PolyNetwork;
import org.trustml.fhe.model.RandomNetworks;

/** One encrypted image per ciphertext against the plaintext network, and refusal of keys and inputs that do not fit. */
class LatencyEvaluatorTest {

  /**
   * Largest absolute logit error allowed. Larger than throughput packing's: the last layer multiplies by encoded
   * plaintext diagonals at 2^16, whose coefficient roundings add up in each slot to about sqrt(N / 12) = 26 units
   * (4e-4 per unit of activation, against half a unit for an integer weight), and the hidden layer's rotations at
   * level 0 add key-switching noise of about 2^15 units at scale 2^30. Measured: up to 1.7e-3 on these networks.
   */
  static final double LOGIT_TOLERANCE = 5e-3;

  private static CkksParameters params;
  private static KeyGenerator keys;
  private static CkksEncoder encoder;
  private static SymmetricEncryptor encryptor;
  private static Decryptor decryptor;

  @BeforeAll
  static void keys() {
    params = CkksParameters.test();
    byte[] seed = new byte[32];
    seed[0] = 4;
    keys = new KeyGenerator(params, seed);
    encoder = new CkksEncoder(params);
    encryptor = new SymmetricEncryptor(keys.secretKey(), new SecureRandom());
    decryptor = new Decryptor(keys.secretKey());
  }

  @Test
  void decryptedLogitsAgreeWithThePlaintextNetworkForNarrowingAndWideningLayers() {
    // 30 -> 8 narrows (period 32 -> 8, folds), 8 -> 10 widens (period 8 -> 16); 5 -> 40 -> 3 the other way round
    for (int[] shape : new int[][] {{30, 8, 10}, {5, 40, 3}}) {
      PolyNetwork network = RandomNetworks.network(shape[0], shape[1], shape[2], shape[0]);
      LatencyPlan latency = LatencyPlan.of(PlanCompiler.compile(network, params, PlanOptions.defaults()));
      GaloisKeys galois = LatencyPacking.galoisKeys(latency, keys);
      LatencyEvaluator server = new LatencyEvaluator(latency, keys.relinearizationKey(), galois, false);
      Random random = new Random(shape[1]);
      for (int image = 0; image < 3; image++) {
        double[] x = new double[shape[0]];
        for (int i = 0; i < x.length; i++) {
          x[i] = 4 * random.nextDouble() - 2;
        }
        Ciphertext out = server.evaluate(LatencyPacking.encrypt(latency, x, encoder, encryptor::encrypt));
        assertThat(out.level()).isEqualTo(latency.plan().outputLevel());
        double[] logits = LatencyPacking.decryptLogits(latency, out, encoder, decryptor);
        double[] expected = network.forward(x);
        for (int k = 0; k < expected.length; k++) {
          assertThat(Math.abs(logits[k] - expected[k])).as("shape %s logit %d", java.util.Arrays.toString(shape),
              k).isLessThan(LOGIT_TOLERANCE);
        }
      }
    }
  }

  @Test
  void parallelEvaluationGivesTheSameLogits() {
    LatencyPlan latency = LatencyPlan.of(PlanCompiler.compile(RandomNetworks.network(12, 6, 4, 2), params,
        PlanOptions.defaults()));
    GaloisKeys galois = LatencyPacking.galoisKeys(latency, keys);
    Ciphertext in = LatencyPacking.encrypt(latency, new double[] {1, -1, 0.5, 2, 0, 0, 1, 1, -2, 0.25, 0.1, -0.3},
        encoder, encryptor::encrypt);
    double[] sequential = LatencyPacking.decryptLogits(latency,
        new LatencyEvaluator(latency, keys.relinearizationKey(), galois, false).evaluate(in), encoder, decryptor);
    double[] parallel = LatencyPacking.decryptLogits(latency,
        new LatencyEvaluator(latency, keys.relinearizationKey(), galois, true).evaluate(in), encoder, decryptor);
    // modular additions in another order: the same ciphertext
    assertThat(parallel).containsExactly(sequential);
  }

  @Test
  void missingGaloisKeysAndMismatchedInputsAreRefused() {
    LatencyPlan latency = LatencyPlan.of(PlanCompiler.compile(RandomNetworks.network(30, 8, 10, 1), params,
        PlanOptions.defaults()));
    GaloisKeys partial = keys.galoisKeys(new int[] {1, 2}, false);
    assertThatThrownBy(() -> new LatencyEvaluator(latency, keys.relinearizationKey(), partial, false))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lack rotations");
    LatencyEvaluator server = new LatencyEvaluator(latency, keys.relinearizationKey(),
        LatencyPacking.galoisKeys(latency, keys), false);
    Ciphertext good = LatencyPacking.encrypt(latency, new double[30], encoder, encryptor::encrypt);
    Ciphertext lower = new Evaluator(params).dropToLevel(good, 1);
    assertThatThrownBy(() -> server.evaluate(lower)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("level 1, the plan expects level 2");
    assertThatThrownBy(() -> LatencyPacking.encrypt(latency, new double[29], encoder, encryptor::encrypt))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("29 features");
    // 5,000 inputs need 8,192 slots; N = 2^13 has 4,096
    PolyNetwork tooWide = RandomNetworks.network(5000, 2, 2, 9);
    EvaluationPlan plan = PlanCompiler.compile(tooWide, params, PlanOptions.defaults());
    assertThatThrownBy(() -> LatencyPlan.of(plan)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("needs 8192 slots");
  }
}
