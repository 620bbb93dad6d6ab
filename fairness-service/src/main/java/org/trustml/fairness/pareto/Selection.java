package org.trustml.fairness.pareto;

import java.util.List;

/**
 * A chosen candidate and why.
 *
 * @param theta the number of learners, 1 … T
 * @param rule how it was chosen, in words, e.g. {@code pseudo-weights, no preference, over [error, imbalance, fairness]}
 * @param criteria the objectives the front was built over
 * @param front θ of every non-dominated candidate over {@code criteria}, ascending
 * @param weights the chosen candidate's pseudo-weights over {@code criteria} (empty for a constraint query)
 * @param hypervolume the front's hypervolume with reference point 1 in every objective
 */
public record Selection(int theta, String rule, List<String> criteria, int[] front, double[] weights,
    double hypervolume) {}
