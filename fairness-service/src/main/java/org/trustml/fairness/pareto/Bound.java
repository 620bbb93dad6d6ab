package org.trustml.fairness.pareto;

import jakarta.validation.constraints.NotBlank;

/**
 * A user's constraint on one objective of the candidates, e.g. {@code eo:cells ≤ 0.05}.
 *
 * @param objective a column of the candidate table
 * @param max the largest acceptable value
 */
public record Bound(@NotBlank String objective, double max) {}
