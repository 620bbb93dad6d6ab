package org.trustml.fhe.plan;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.trustml.fhe.model.DenseLayer;

/**
 * An {@link EvaluationPlan} laid out for latency packing (LoLa-style, design note §5.5.2-3): one image per ciphertext,
 * its features replicated over the slots, each dense layer a baby-step giant-step sum of diagonals
 * ({@link DiagonalLayout}). The levels and scales are the throughput plan's, step for step: a dense layer multiplies
 * by plaintext diagonals encoded at the step's factor scale instead of by rounded integers, so the same rescale
 * restores the same scale. Fixes the rotation steps the client must make Galois keys for. Immutable.
 */
public final class LatencyPlan {

  private final EvaluationPlan plan;
  private final int inputPeriod;
  private final List<DiagonalLayout> layouts; // per step; null for a square

  private LatencyPlan(EvaluationPlan plan, int inputPeriod, List<DiagonalLayout> layouts) {
    this.plan = plan;
    this.inputPeriod = inputPeriod;
    this.layouts = Collections.unmodifiableList(layouts);
  }

  /**
   * Lays out {@code plan} for one image per ciphertext.
   *
   * @throws IllegalArgumentException if a layer's width, rounded up to a power of two, exceeds the slots
   */
  public static LatencyPlan of(EvaluationPlan plan) {
    List<DiagonalLayout> layouts = new ArrayList<>();
    int inputPeriod = Integer.highestOneBit(Math.max(1, 2 * plan.inputCount() - 1));
    checkFits(plan, "the input", plan.inputCount(), inputPeriod);
    int period = inputPeriod;
    for (int s = 0; s < plan.steps().size(); s++) {
      if (plan.steps().get(s).kind() == PlanStep.Kind.SQUARE) {
        layouts.add(null);
        continue;
      }
      DiagonalLayout layout = DiagonalLayout.of(dense(plan, s).weights(), period);
      checkFits(plan, "layer " + s, plan.steps().get(s).outputs(), layout.outPeriod());
      layouts.add(layout);
      period = layout.outPeriod();
    }
    return new LatencyPlan(plan, inputPeriod, layouts);
  }

  private static void checkFits(EvaluationPlan plan, String what, int width, int period) {
    if (period > plan.parameters().slots()) {
      throw new IllegalArgumentException(what + " has width " + width + ", which needs " + period + " slots; "
          + plan.parameters() + " has " + plan.parameters().slots() + ": use throughput packing or larger parameters");
    }
  }

  /** The level and scale schedule, shared with throughput packing. */
  public EvaluationPlan plan() {
    return plan;
  }

  /** The period the client replicates an image's features with: their count rounded up to a power of two. */
  public int inputPeriod() {
    return inputPeriod;
  }

  /** Every rotation step the evaluation uses, ascending: the Galois keys the client must upload. */
  public int[] rotationSteps() {
    TreeSet<Integer> steps = new TreeSet<>();
    for (DiagonalLayout layout : layouts) {
      if (layout != null) {
        for (int s : layout.rotationSteps()) {
          steps.add(s);
        }
      }
    }
    return steps.stream().mapToInt(Integer::intValue).toArray();
  }

  /**
   * What one dense step of the layout costs per image, split by where the work happens.
   *
   * @param hoistedRotations       baby-step rotations of the input, decomposed once, at the step's input level
   * @param rotations              giant-step rotations at the input level
   * @param rotationsAfterRescale  rotate-and-sum folds, at the output level
   * @param plaintextProducts      one per used diagonal, at the input level
   */
  public record StepCost(int hoistedRotations, int rotations, int rotationsAfterRescale, int plaintextProducts) {}

  /** The cost of step {@code step}; null for a square (one multiplication, relinearisation and rescale). */
  public StepCost stepCost(int step) {
    DiagonalLayout l = layouts.get(step);
    return l == null ? null : new StepCost(l.babySteps().length, l.giantSteps().length, l.foldSteps().length,
        l.diagonals().length);
  }

  /** Rotations per image. */
  public long rotations() {
    return layouts.stream().filter(l -> l != null).mapToLong(DiagonalLayout::rotations).sum();
  }

  /** Ciphertext-by-plaintext products per image: one per used diagonal. */
  public long plaintextProducts() {
    return layouts.stream().filter(l -> l != null).mapToLong(l -> l.diagonals().length).sum();
  }

  /** Ciphertext multiplications (each relinearised) per image: one per square layer. */
  public long multiplications() {
    return layouts.stream().filter(l -> l == null).count();
  }

  /** Plaintexts the server keeps per model: the used diagonals and one bias per dense layer. */
  public long plaintexts() {
    return plaintextProducts() + layouts.stream().filter(l -> l != null).count();
  }

  DiagonalLayout layout(int step) {
    return layouts.get(step);
  }

  static DenseLayer dense(EvaluationPlan plan, int step) {
    return (DenseLayer) plan.network().layers().get(step);
  }

  /** A human-readable summary: per dense layer its periods, diagonals and rotations. */
  public String report() {
    StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
        "latency packing: one image per ciphertext, inputs replicated with period %d; %d rotations (%d Galois "
            + "keys), %d plaintext products, %d multiplications per image%n", inputPeriod(), rotations(),
        rotationSteps().length, plaintextProducts(), multiplications()));
    for (int s = 0; s < layouts.size(); s++) {
      DiagonalLayout l = layouts.get(s);
      if (l != null) {
        out.append(String.format(Locale.ROOT,
            "  layer %d: period %d -> %d, %d of %d diagonals, baby step %d, rotations %d (baby %d, giant %d, fold "
                + "%d)%n", s, l.inPeriod(), l.outPeriod(), l.diagonals().length, l.count(), l.babyStep(),
            l.rotations(), l.babySteps().length, l.giantSteps().length, l.foldSteps().length));
      }
    }
    return out.toString();
  }
}
