/**
 * The baselines TopoPrune is compared with, on the same embeddings, labels, budgets and seeds (design note §5):
 * uniform random, k-center greedy (Sener and Savarese), herding (Welling; the mean-matching greedy), Moderate-DS
 * (Xia et al., ICLR 2023), CCS over a given per-sample score (Zheng et al.; the {@code selection} package's sampler)
 * and D2 pruning (Maharana et al., ICLR 2024). Every method is a {@link org.trustml.pruning.baseline.PruningMethod}:
 * one call with a {@link org.trustml.pruning.baseline.PruningInput} and a
 * {@link org.trustml.pruning.baseline.PruningRun} (rate, class-balanced or not, budget rule, seed) gives kept and
 * pruned ids and a per-sample score. Plain Java, no Spring.
 */
package org.trustml.pruning.baseline;
