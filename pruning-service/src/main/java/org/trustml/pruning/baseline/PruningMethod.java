package org.trustml.pruning.baseline;

/**
 * A data-pruning method: the one shape the evaluation runs every method through. Implementations are immutable
 * (their settings are fixed at construction) and safe to share between threads.
 */
public interface PruningMethod {

  /** Short stable name, as the API spells it ({@code random}, {@code kcenter}, …). */
  String name();

  /**
   * Chooses which samples to keep.
   *
   * @throws IllegalArgumentException when the input lacks what the method needs (embeddings, scores), or the budgets
   *                                  do not fit (a rate outside (0, 1), a class too small)
   */
  PruningOutcome prune(PruningInput input, PruningRun run);
}
