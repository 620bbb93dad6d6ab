package org.trustml.fhe.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.trustml.fhe.ckks.Ciphertext;
import org.trustml.fhe.ckks.CkksEncoder;
import org.trustml.fhe.ckks.Evaluator;
import org.trustml.fhe.ckks.GaloisKeys;
import org.trustml.fhe.ckks.KeySwitchKey;
import org.trustml.fhe.ckks.Plaintext;

/**
 * Runs a {@link LatencyPlan} on one encrypted image: the server's side of latency packing. Holds the plan, the
 * client's relinearisation key and Galois keys, and the model's diagonals encoded as plaintexts once; nothing here
 * takes a secret key, so it cannot decrypt. The output is one ciphertext whose slots 0 .. classes - 1 hold the
 * logits. Levels and scales are checked against the plan after every step. Thread-safe.
 */
public final class LatencyEvaluator {

  private final LatencyPlan latency;
  private final EvaluationPlan plan;
  private final KeySwitchKey relinearizationKey;
  private final GaloisKeys galoisKeys;
  private final Evaluator evaluator;
  private final CkksEncoder encoder;
  private final List<Plaintext[]> diagonals = new ArrayList<>(); // per step, per used diagonal; null for a square
  private final List<double[]> biases = new ArrayList<>(); // per step, replicated over the slots
  private final boolean parallel;

  /**
   * An evaluator for one plan and one client's keys; encodes the diagonals.
   *
   * @param parallel compute a layer's products on the common fork-join pool instead of the caller's thread
   * @throws IllegalArgumentException if a key belongs to other parameters, the relinearisation key is a rotation key,
   *     or a rotation step the plan needs has no Galois key
   */
  public LatencyEvaluator(LatencyPlan latency, KeySwitchKey relinearizationKey, GaloisKeys galoisKeys,
      boolean parallel) {
    this.latency = latency;
    this.plan = latency.plan();
    PlanEvaluator.checkRelinearizationKey(plan, relinearizationKey);
    if (galoisKeys.parameters().id() != plan.parameters().id()) {
      throw new IllegalArgumentException("Galois keys belong to " + galoisKeys.parameters() + ", the plan to "
          + plan.parameters());
    }
    List<Integer> missing = new ArrayList<>();
    for (int step : latency.rotationSteps()) {
      if (!galoisKeys.hasRotation(step)) {
        missing.add(step);
      }
    }
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException("the Galois keys lack rotations " + missing + "; the plan needs "
          + java.util.Arrays.toString(latency.rotationSteps()));
    }
    this.relinearizationKey = relinearizationKey;
    this.galoisKeys = galoisKeys;
    this.evaluator = new Evaluator(plan.parameters());
    this.encoder = new CkksEncoder(plan.parameters());
    this.parallel = parallel;
    int slots = plan.parameters().slots();
    for (int s = 0; s < plan.steps().size(); s++) {
      DiagonalLayout layout = latency.layout(s);
      if (layout == null) {
        diagonals.add(null);
        biases.add(null);
        continue;
      }
      PlanStep step = plan.steps().get(s);
      double[][] weights = LatencyPlan.dense(plan, s).weights();
      int[] used = layout.diagonals();
      diagonals.add(IntStream.range(0, used.length).mapToObj(d -> encoder.encode(
          layout.rotatedDiagonal(weights, used[d], slots), step.levelIn(), step.factorScale()))
          .toArray(Plaintext[]::new));
      double[] bias = LatencyPlan.dense(plan, s).bias();
      double[] replicated = new double[slots];
      for (int t = 0; t < slots; t++) {
        int row = t % layout.outPeriod();
        replicated[t] = row < bias.length ? bias[row] : 0;
      }
      biases.add(replicated);
    }
  }

  /** The plan. */
  public LatencyPlan plan() {
    return latency;
  }

  /**
   * The encrypted logits of one image, in slots 0 .. classes - 1.
   *
   * @param input the image's features replicated with {@link LatencyPlan#inputPeriod()}, at the plan's input level
   *     and scale (see {@link LatencyPacking}); not modified
   * @throws IllegalArgumentException if the input does not match the plan
   */
  public Ciphertext evaluate(Ciphertext input) {
    PlanEvaluator.checkInput(plan, input, "the input");
    Ciphertext x = input;
    for (int s = 0; s < plan.steps().size(); s++) {
      PlanStep step = plan.steps().get(s);
      x = step.kind() == PlanStep.Kind.SQUARE
          ? evaluator.rescale(evaluator.relinearize(evaluator.multiply(x, x), relinearizationKey))
          : dense(s, step, x);
      PlanEvaluator.checkStepOutput(s, step, x);
    }
    return x;
  }

  private Ciphertext dense(int s, PlanStep step, Ciphertext x) {
    DiagonalLayout layout = latency.layout(s);
    int g = layout.babyStep();
    int[] babySteps = layout.babySteps();
    Ciphertext[] rotated = new Ciphertext[g];
    rotated[0] = x;
    if (babySteps.length > 0) {
      Ciphertext[] hoisted = evaluator.rotateHoisted(x, babySteps, galoisKeys);
      for (int i = 0; i < babySteps.length; i++) {
        rotated[babySteps[i]] = hoisted[i];
      }
    }
    int[] used = layout.diagonals();
    Plaintext[] plaintexts = diagonals.get(s);
    int[] giants = IntStream.of(used).map(k -> k - k % g).distinct().toArray();
    IntStream range = IntStream.range(0, giants.length);
    Ciphertext z = (parallel ? range.parallel() : range).mapToObj(j -> {
      Ciphertext inner = null;
      for (int d = 0; d < used.length; d++) {
        if (used[d] - used[d] % g == giants[j]) {
          Ciphertext product = evaluator.multiplyPlain(rotated[used[d] % g], plaintexts[d]);
          inner = inner == null ? product : evaluator.add(inner, product);
        }
      }
      return giants[j] == 0 ? inner : evaluator.rotate(inner, giants[j], galoisKeys);
    }).reduce(evaluator::add).orElseThrow();
    if (step.rescales()) {
      z = evaluator.rescale(z);
    }
    for (int fold : layout.foldSteps()) {
      z = evaluator.add(z, evaluator.rotate(z, fold, galoisKeys));
    }
    return evaluator.addPlain(z, encoder.encode(biases.get(s), z.level(), z.scale()));
  }
}
