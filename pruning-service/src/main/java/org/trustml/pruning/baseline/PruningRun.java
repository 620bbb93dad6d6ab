package org.trustml.pruning.baseline;

import org.trustml.pruning.selection.SelectionParams;

/**
 * The settings every method shares.
 *
 * @param pruneRate     α in (0, 1): the fraction removed; m = (1 − α)·N is kept
 * @param classBalanced each class keeps its own budget and is pruned on its own (the note's {@code scope =
 *                      per-class}); false: one budget over all samples, classes ignored
 * @param budget        how class budgets are set when class-balanced
 * @param seed          every random choice derives from it; group g uses the g-th split of
 *                      {@code SplittableRandom(seed)}
 */
public record PruningRun(double pruneRate, boolean classBalanced, SelectionParams.Budget budget, long seed) {

  /** Validates the values. */
  public PruningRun {
    if (!(pruneRate > 0 && pruneRate < 1)) {
      throw new IllegalArgumentException("pruneRate must be in (0, 1), got " + pruneRate);
    }
    if (budget == null) {
      throw new IllegalArgumentException("budget must be given (proportional or uniform)");
    }
  }

  /** Class-balanced, proportional budgets. */
  public static PruningRun classBalanced(double pruneRate, long seed) {
    return new PruningRun(pruneRate, true, SelectionParams.Budget.PROPORTIONAL, seed);
  }

  /** One budget over all samples. */
  public static PruningRun global(double pruneRate, long seed) {
    return new PruningRun(pruneRate, false, SelectionParams.Budget.PROPORTIONAL, seed);
  }
}
