package org.trustml.pruning.selection;

/**
 * Which samples are kept and which pruned, with the per-sample details the API reports (design note §2).
 *
 * @param kept    sample ids kept, ascending
 * @param pruned  sample ids pruned, ascending
 * @param rank    per sample, 1-based position by descending score over all samples (ties: lower id first)
 * @param stratum per sample, its CCS stratum within its class, −1 when dropped by the hard cut-off or when the
 *                mode has no strata
 * @param beta    the hard-cutoff fraction used (0 for modes without one)
 */
public record SelectionResult(int[] kept, int[] pruned, int[] rank, int[] stratum, double beta) {}
