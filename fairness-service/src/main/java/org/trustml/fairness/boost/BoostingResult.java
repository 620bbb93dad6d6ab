package org.trustml.fairness.boost;

/**
 * A trained ensemble (θ = all learners) and the training trace of every prefix.
 *
 * @param ensemble every learner training produced
 * @param trace per prefix θ = t + 1, objectives and violations on the training data
 */
public record BoostingResult(Ensemble ensemble, BoostingTrace trace) { }
