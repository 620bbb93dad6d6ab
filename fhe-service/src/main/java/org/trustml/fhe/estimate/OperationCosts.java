package org.trustml.fhe.estimate;

import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import org.trustml.fhe.ckks.Ciphertext;
import org.trustml.fhe.ckks.CkksEncoder;
import org.trustml.fhe.ckks.CkksParameters;
import org.trustml.fhe.ckks.Evaluator;
import org.trustml.fhe.ckks.GaloisKeys;
import org.trustml.fhe.ckks.KeyGenerator;
import org.trustml.fhe.ckks.KeySwitchKey;
import org.trustml.fhe.ckks.Plaintext;
import org.trustml.fhe.ckks.SymmetricEncryptor;

/**
 * Per-operation times of the engine on this host, measured once per parameter set and level on one thread and
 * cached: what the estimate multiplies the plan's operation counts by. The keys and ciphertexts timed are throwaway
 * ones the server makes from a fixed seed for timing only; no tenant's key is involved.
 */
public final class OperationCosts {

  /**
   * Seconds per operation at one level; the square and the rescale are null at level 0, where nothing can be
   * rescaled.
   *
   * @param rotation         one rotation (a whole key switch)
   * @param hoistedRotation  one of {@value #HOISTED} rotations of the same ciphertext with the decomposition hoisted
   * @param plaintextProduct a ciphertext times an encoded plaintext, added to a running sum (latency packing's
   *                         diagonals)
   */
  public record AtLevel(int level, double scalarProduct, Double squareRelinearizeRescale, Double rescale,
      double addConstant, double rotation, double hoistedRotation, double plaintextProduct) {}

  /** Rotations per hoisted group when timing. */
  static final int HOISTED = 8;

  // sums as long as a typical dense layer's: the lazy reduction makes a product in a long sum cheaper than alone
  private static final int PRODUCT_INPUTS = 64;
  // the JIT compiles the kernels only after some calls: warm up for a while, then take the median of a few runs
  private static final long WARMUP_NANOS = 150_000_000L;
  private static final int MIN_WARMUP = 3;
  private static final int MAX_WARMUP = 200;
  private static final int RUNS = 7;

  private final Map<String, AtLevel> cache = new ConcurrentHashMap<>();
  private final Map<Long, Timing> timings = new ConcurrentHashMap<>();

  /** Costs at {@code level} of {@code params}, measured on first use. */
  public AtLevel at(CkksParameters params, int level) {
    return cache.computeIfAbsent(params.id() + "@" + level, k -> timing(params).measure(level));
  }

  private Timing timing(CkksParameters params) {
    return timings.computeIfAbsent(params.id(), id -> new Timing(params));
  }

  /** Keys and an encryptor for one parameter set. */
  private static final class Timing {

    private final CkksParameters params;
    private final KeySwitchKey relin;
    private final GaloisKeys galois;
    private final int[] steps;
    private final SymmetricEncryptor encryptor;
    private final CkksEncoder encoder;
    private final Evaluator evaluator;

    Timing(CkksParameters params) {
      this.params = params;
      KeyGenerator keys = new KeyGenerator(params, new byte[32]);
      this.relin = keys.relinearizationKey();
      this.steps = java.util.stream.IntStream.rangeClosed(1, HOISTED).toArray();
      this.galois = keys.galoisKeys(steps, false);
      this.encryptor = new SymmetricEncryptor(keys.secretKey(), new java.security.SecureRandom());
      this.encoder = new CkksEncoder(params);
      this.evaluator = new Evaluator(params);
    }

    synchronized AtLevel measure(int level) {
      SplittableRandom random = new SplittableRandom(level);
      double scale = Math.scalb(1.0, 30);
      Ciphertext[] inputs = new Ciphertext[PRODUCT_INPUTS];
      for (int i = 0; i < inputs.length; i++) {
        double[] values = random.doubles(params.slots(), -1, 1).toArray();
        inputs[i] = encryptor.encrypt(encoder.encode(values, level, scale));
      }
      long[] factors = random.longs(PRODUCT_INPUTS, -1000, 1000).toArray();
      double product = median(() -> evaluator.multiplyIntegersAndSum(inputs, factors, 1024.0)) / PRODUCT_INPUTS;
      Ciphertext x = inputs[0];
      Double square = level == 0 ? null
          : median(() -> evaluator.rescale(evaluator.relinearize(evaluator.multiply(x, x), relin)));
      Double rescale = level == 0 ? null : median(() -> evaluator.rescale(x));
      double constant = median(() -> evaluator.addConstant(x, 0.5));
      double rotation = median(() -> evaluator.rotate(x, 1, galois));
      double hoisted = median(() -> evaluator.rotateHoisted(x, steps, galois)) / HOISTED;
      Plaintext diagonal = encoder.encode(random.doubles(params.slots(), -1, 1).toArray(), level,
          params.modulus(level).value());
      Ciphertext y = inputs[1];
      double plaintextProduct = median(() -> evaluator.add(evaluator.multiplyPlain(x, diagonal),
          evaluator.multiplyPlain(y, diagonal))) / 2;
      return new AtLevel(level, product, square, rescale, constant, rotation, hoisted, plaintextProduct);
    }

    private static double median(java.util.function.Supplier<Object> op) {
      long start = System.nanoTime();
      for (int i = 0; i < MAX_WARMUP && (i < MIN_WARMUP || System.nanoTime() - start < WARMUP_NANOS); i++) {
        op.get();
      }
      double[] t = new double[RUNS];
      for (int i = 0; i < RUNS; i++) {
        long t0 = System.nanoTime();
        op.get();
        t[i] = (System.nanoTime() - t0) / 1e9;
      }
      java.util.Arrays.sort(t);
      return t[RUNS / 2];
    }
  }
}
