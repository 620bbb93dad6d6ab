package org.trustml.fhe.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.trustml.fhe.ckks.Ciphertext;
import org.trustml.fhe.ckks.CkksEncoder;
import org.trustml.fhe.ckks.CkksParameters;
import org.trustml.fhe.ckks.Decryptor;
import org.trustml.fhe.ckks.Evaluator;
import org.trustml.fhe.ckks.KeyGenerator;
import org.trustml.fhe.ckks.SymmetricEncryptor;
import org.trustml.fhe.model.PolyNetwork;
import org.trustml.fhe.model.RandomNetworks;

/** The encrypted plan against the plaintext network on random inputs, and refusal of inputs that do not fit. */
class PlanEvaluatorTest {

  /**
   * Largest absolute logit error allowed. Expected error: rescaling noise (about 2^12 / 2^30 = 2^-18 per squared
   * unit) times the last layer's weights, plus its weights' rounding at 2^-17; 1e-3 leaves a wide margin.
   */
  static final double LOGIT_TOLERANCE = 1e-3;

  private static CkksParameters params;
  private static KeyGenerator keys;
  private static CkksEncoder encoder;
  private static SymmetricEncryptor encryptor;
  private static Decryptor decryptor;

  @BeforeAll
  static void keys() {
    params = CkksParameters.test();
    byte[] seed = new byte[32];
    seed[0] = 9;
    keys = new KeyGenerator(params, seed);
    encoder = new CkksEncoder(params);
    encryptor = new SymmetricEncryptor(keys.secretKey(), new SecureRandom());
    decryptor = new Decryptor(keys.secretKey());
  }

  private static double[][] inputs(int images, int width, long seed) {
    Random random = new Random(seed);
    double[][] x = new double[images][width];
    for (double[] row : x) {
      for (int k = 0; k < width; k++) {
        row[k] = 4 * random.nextDouble() - 2;
      }
    }
    return x;
  }

  @Test
  void decryptedLogitsAgreeWithThePlaintextNetwork() {
    PolyNetwork network = RandomNetworks.network(20, 8, 10, 1);
    EvaluationPlan plan = PlanCompiler.compile(network, params, PlanOptions.defaults());
    double[][] x = inputs(plan.batchSize(), 20, 2);
    Ciphertext[] in = ThroughputPacking.encrypt(plan, x, encoder, encryptor::encrypt);
    Ciphertext[] out = new PlanEvaluator(plan, keys.relinearizationKey(), false).evaluate(in);
    assertThat(out).hasSize(10);
    assertThat(out[0].level()).isEqualTo(plan.outputLevel());
    assertThat(out[0].scale()).isEqualTo(plan.outputScale());
    double[][] logits = ThroughputPacking.decryptLogits(out, x.length, encoder, decryptor);
    double worst = 0;
    for (int b = 0; b < x.length; b++) {
      double[] expected = network.forward(x[b]);
      for (int k = 0; k < expected.length; k++) {
        worst = Math.max(worst, Math.abs(logits[b][k] - expected[k]));
      }
    }
    assertThat(worst).isLessThan(LOGIT_TOLERANCE);
  }

  @Test
  void parallelEvaluationGivesTheSameLogits() {
    PolyNetwork network = RandomNetworks.network(6, 4, 3, 5);
    EvaluationPlan plan = PlanCompiler.compile(network, params, PlanOptions.defaults());
    double[][] x = inputs(100, 6, 6);
    Ciphertext[] in = ThroughputPacking.encrypt(plan, x, encoder, encryptor::encrypt);
    double[][] sequential = ThroughputPacking.decryptLogits(
        new PlanEvaluator(plan, keys.relinearizationKey(), false).evaluate(in), x.length, encoder, decryptor);
    double[][] parallel = ThroughputPacking.decryptLogits(
        new PlanEvaluator(plan, keys.relinearizationKey(), true).evaluate(in), x.length, encoder, decryptor);
    // the same deterministic operations in another order per output: identical ciphertexts
    assertThat(parallel).isDeepEqualTo(sequential);
  }

  @Test
  void theListenerSeesEveryOutputAndCanStopTheEvaluation() {
    PolyNetwork network = RandomNetworks.network(6, 4, 3, 5);
    EvaluationPlan plan = PlanCompiler.compile(network, params, PlanOptions.defaults());
    Ciphertext[] in = ThroughputPacking.encrypt(plan, inputs(10, 6, 6), encoder, encryptor::encrypt);
    PlanEvaluator evaluator = new PlanEvaluator(plan, keys.relinearizationKey(), true);
    int[] last = new int[plan.steps().size()];
    java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
    evaluator.evaluate(in, (step, done) -> {
      calls.incrementAndGet();
      synchronized (last) {
        last[step] = Math.max(last[step], done);
      }
    });
    assertThat(last).containsExactly(4, 4, 3);
    assertThat(calls.get()).isEqualTo(11);
    java.util.concurrent.atomic.AtomicInteger after = new java.util.concurrent.atomic.AtomicInteger();
    assertThatThrownBy(() -> evaluator.evaluate(in, (step, done) -> {
      if (step > 0) {
        after.incrementAndGet();
      }
      throw new IllegalStateException("stop");
    })).hasMessageContaining("stop");
    assertThat(after.get()).isZero();
  }

  @Test
  void inputsThatDoNotMatchThePlanAreRefused() {
    EvaluationPlan plan = PlanCompiler.compile(RandomNetworks.network(3, 2, 2, 7), params, PlanOptions.defaults());
    PlanEvaluator evaluator = new PlanEvaluator(plan, keys.relinearizationKey(), false);
    Ciphertext[] good = ThroughputPacking.encrypt(plan, inputs(4, 3, 8), encoder, encryptor::encrypt);
    assertThatThrownBy(() -> evaluator.evaluate(Arrays.copyOf(good, 2)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("takes 3 input ciphertexts");
    Evaluator engine = new Evaluator(params);
    Ciphertext[] lower = good.clone();
    lower[1] = engine.dropToLevel(good[1], 1);
    assertThatThrownBy(() -> evaluator.evaluate(lower))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("level 1, the plan expects level 2");
    Ciphertext[] wrongScale = good.clone();
    wrongScale[0] = encryptor.encrypt(encoder.encode(new double[] {1}, plan.inputLevel(), Math.scalb(1.0, 40)));
    assertThatThrownBy(() -> evaluator.evaluate(wrongScale))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("scale");
    CkksParameters other = new CkksParameters(12, new int[] {40, 34}, 35, 30);
    byte[] seed = new byte[32];
    KeyGenerator otherKeys = new KeyGenerator(other, seed);
    assertThatThrownBy(() -> new PlanEvaluator(plan, otherKeys.relinearizationKey(), false))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("relinearization key belongs to");
    Ciphertext[] foreign = good.clone();
    foreign[2] = new SymmetricEncryptor(otherKeys.secretKey(), new SecureRandom())
        .encrypt(new CkksEncoder(other).encode(new double[] {1}, 1, Math.scalb(1.0, 35)));
    assertThatThrownBy(() -> evaluator.evaluate(foreign))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("input 2 belongs to");
    assertThatThrownBy(() -> ThroughputPacking.encrypt(plan, new double[plan.batchSize() + 1][3], encoder,
        encryptor::encrypt)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("a batch holds");
  }
}
