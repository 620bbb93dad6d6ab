package org.trustml.fhe.plan;

import java.util.stream.IntStream;
import org.trustml.fhe.ckks.Ciphertext;
import org.trustml.fhe.ckks.Evaluator;
import org.trustml.fhe.ckks.KeySwitchKey;
import org.trustml.fhe.model.DenseLayer;

/**
 * Runs an {@link EvaluationPlan} on encrypted inputs: the server's side. It holds the plan and the client's
 * relinearisation key, and nothing else: no constructor or method takes a secret key, a decryptor or an encoder's
 * plaintext, so it cannot decrypt. Inputs whose parameters, count, level or scale differ from the plan's are refused;
 * after every step the levels and scales are checked against the plan's bookkeeping. Thread-safe.
 */
public final class PlanEvaluator {

  private static final double SCALE_TOLERANCE = 1e-9;

  private final EvaluationPlan plan;
  private final KeySwitchKey relinearizationKey;
  private final Evaluator evaluator;
  private final boolean parallel;

  /**
   * An evaluator for one plan and one client's key.
   *
   * @param relinearizationKey the client's relinearisation key, under the plan's parameters
   * @param parallel           compute a layer's outputs on the common fork-join pool instead of the caller's thread
   * @throws IllegalArgumentException if the key belongs to other parameters or is a rotation key
   */
  public PlanEvaluator(EvaluationPlan plan, KeySwitchKey relinearizationKey, boolean parallel) {
    checkRelinearizationKey(plan, relinearizationKey);
    this.plan = plan;
    this.relinearizationKey = relinearizationKey;
    this.evaluator = new Evaluator(plan.parameters());
    this.parallel = parallel;
  }

  /** The plan. */
  public EvaluationPlan plan() {
    return plan;
  }

  /**
   * The encrypted logits of a batch: ciphertext k holds logit k of every image, at {@link EvaluationPlan#outputLevel}
   * and {@link EvaluationPlan#outputScale}.
   *
   * @param inputs one ciphertext per feature (not modified), at the plan's input level and scale
   * @throws IllegalArgumentException if the inputs do not match the plan
   */
  public Ciphertext[] evaluate(Ciphertext[] inputs) {
    return evaluate(inputs, (step, done) -> {});
  }

  /**
   * Watches an evaluation: called after every output ciphertext of every step, possibly from several threads at
   * once. An exception it throws (a cancellation) ends the evaluation and reaches the caller.
   */
  @FunctionalInterface
  public interface Listener {

    /**
     * @param step index of the step in {@link EvaluationPlan#steps()}
     * @param done output ciphertexts of that step finished so far
     */
    void outputDone(int step, int done);
  }

  /** {@link #evaluate(Ciphertext[])}, telling {@code listener} how far it got. */
  public Ciphertext[] evaluate(Ciphertext[] inputs, Listener listener) {
    checkInputs(inputs);
    Ciphertext[] x = inputs;
    for (int s = 0; s < plan.steps().size(); s++) {
      PlanStep step = plan.steps().get(s);
      java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
      int index = s;
      Runnable tick = () -> listener.outputDone(index, done.incrementAndGet());
      x = step.kind() == PlanStep.Kind.SQUARE ? square(x, tick) : dense(s, step, x, tick);
      for (Ciphertext c : x) {
        checkStepOutput(s, step, c);
      }
    }
    return x;
  }

  private Ciphertext[] square(Ciphertext[] x, Runnable tick) {
    return map(x.length, o -> {
      Ciphertext out = evaluator.rescale(evaluator.relinearize(evaluator.multiply(x[o], x[o]), relinearizationKey));
      tick.run();
      return out;
    });
  }

  private Ciphertext[] dense(int s, PlanStep step, Ciphertext[] x, Runnable tick) {
    long[][] factors = plan.factors(s);
    double[] bias = ((DenseLayer) plan.network().layers().get(s)).bias();
    return map(step.outputs(), o -> {
      Ciphertext sum = evaluator.multiplyIntegersAndSum(x, factors[o], step.factorScale());
      if (step.rescales()) {
        sum = evaluator.rescale(sum);
      }
      Ciphertext out = evaluator.addConstant(sum, bias[o]);
      tick.run();
      return out;
    });
  }

  private Ciphertext[] map(int count, java.util.function.IntFunction<Ciphertext> f) {
    IntStream range = IntStream.range(0, count);
    return (parallel ? range.parallel() : range).mapToObj(f).toArray(Ciphertext[]::new);
  }

  private void checkInputs(Ciphertext[] inputs) {
    if (inputs.length != plan.inputCount()) {
      throw new IllegalArgumentException("the plan takes " + plan.inputCount() + " input ciphertexts (one per "
          + "feature), got " + inputs.length);
    }
    for (int j = 0; j < inputs.length; j++) {
      checkInput(plan, inputs[j], "input " + j);
    }
  }

  /** Refuses a key of other parameters or a rotation key in place of the relinearisation key. */
  static void checkRelinearizationKey(EvaluationPlan plan, KeySwitchKey relinearizationKey) {
    if (relinearizationKey.parameters().id() != plan.parameters().id()) {
      throw new IllegalArgumentException("relinearization key belongs to " + relinearizationKey.parameters()
          + ", the plan to " + plan.parameters());
    }
    if (relinearizationKey.galoisElement() != 0) {
      throw new IllegalArgumentException("key for Galois element " + relinearizationKey.galoisElement()
          + " is a rotation key, not the relinearization key");
    }
  }

  /** Refuses an input ciphertext of other parameters, size, level or scale than the plan's inputs. */
  static void checkInput(EvaluationPlan plan, Ciphertext c, String name) {
    if (c.parameters().id() != plan.parameters().id()) {
      throw new IllegalArgumentException(name + " belongs to " + c.parameters() + ", the plan to "
          + plan.parameters());
    }
    if (c.size() != 2) {
      throw new IllegalArgumentException(name + " has size " + c.size() + "; fresh ciphertexts have 2");
    }
    if (c.level() != plan.inputLevel()) {
      throw new IllegalArgumentException(name + " is at level " + c.level() + ", the plan expects level "
          + plan.inputLevel() + " (encrypt at the plan's input level)");
    }
    if (!sameScale(c.scale(), plan.inputScale())) {
      throw new IllegalArgumentException(name + " has scale 2^" + EvaluationPlan.log2(c.scale())
          + ", the plan expects 2^" + EvaluationPlan.log2(plan.inputScale()));
    }
  }

  /** Checks a step's output against the plan's bookkeeping: a mismatch is a bug, not bad input. */
  static void checkStepOutput(int s, PlanStep step, Ciphertext c) {
    if (c.level() != step.levelOut() || !sameScale(c.scale(), step.scaleOut())) {
      throw new IllegalStateException("step " + s + " produced level " + c.level() + ", scale " + c.scale()
          + " where the plan has level " + step.levelOut() + ", scale " + step.scaleOut());
    }
  }

  private static boolean sameScale(double a, double b) {
    return Math.abs(a - b) <= SCALE_TOLERANCE * Math.max(a, b);
  }
}
