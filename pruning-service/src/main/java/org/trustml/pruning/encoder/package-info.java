/**
 * The embedding model the service trains itself (design note §8, benchmark tier 1): small image classifiers trained
 * seeded through platform-ml's DJL loop, whose penultimate layer gives the embeddings TopoPrune and the baselines
 * prune on, and whose training run records per-sample training dynamics (EL2N, AUM, forgetting events) for the
 * score-based baselines (CCS, D2). Two architectures, so a coreset chosen with one can be trained on with the other
 * (the transfer experiment). {@link org.trustml.pruning.encoder.SubsetEvaluation} trains a fresh model on a
 * coreset with a fixed iteration budget and reports test accuracy.
 */
package org.trustml.pruning.encoder;
