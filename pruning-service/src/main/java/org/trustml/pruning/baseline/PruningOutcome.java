package org.trustml.pruning.baseline;

import org.trustml.pruning.selection.SelectionResult;

/**
 * What a method chose.
 *
 * @param method    the method's {@link PruningMethod#name()}
 * @param selection kept and pruned ids, and per sample the rank by descending {@code score} and the stratum (−1 for
 *                  methods without strata)
 * @param score     per sample, the method's own quantity (each method's documentation says which)
 */
public record PruningOutcome(String method, SelectionResult selection, double[] score) {}
