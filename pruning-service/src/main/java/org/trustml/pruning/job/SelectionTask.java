package org.trustml.pruning.job;

import org.trustml.pruning.selection.SelectionParams;

/**
 * What a {@link SelectionMethod} is asked.
 *
 * @param data         the embeddings and class codes
 * @param pruneRate    α in (0, 1)
 * @param budget       how the budgets were split over classes
 * @param classBudgets samples to keep per class code, from {@link org.trustml.pruning.selection.ClassBudgets}
 * @param seed         every random choice derives from it
 */
public record SelectionTask(LabelledEmbeddings data, double pruneRate, SelectionParams.Budget budget,
    int[] classBudgets, long seed) {}
