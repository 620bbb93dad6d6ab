package org.trustml.fairness.pareto;

/**
 * A user's constraint on one objective of the candidates, e.g. {@code eo:cells ≤ 0.05}.
 *
 * @param objective a column of the candidate table
 * @param max the largest acceptable value
 */
public record Bound(String objective, double max) {}
