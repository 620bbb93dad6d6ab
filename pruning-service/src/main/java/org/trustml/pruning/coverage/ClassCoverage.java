package org.trustml.pruning.coverage;

/**
 * One class's coverage by its kept samples.
 *
 * @param samples           the class's samples
 * @param kept              its kept samples
 * @param radius            r: the class's median distance to its mean, the data's scale (independent of the coreset)
 * @param auc               CCS's coverage AUC normalised to [0, 1]: (1/r)∫₀ʳ P(d ≤ t) dt = mean of max(0, 1 − d/r)
 *                          over the class's samples, d the distance to the nearest kept sample (1: every sample kept)
 * @param coveredAtRadius   fraction of samples within r of a kept sample
 * @param coveringRadius    the largest distance of any sample to its nearest kept sample
 * @param medianPrunedDistance median distance of a pruned sample to its nearest kept sample (0 when none is pruned)
 * @param spacing           the class's median nearest-neighbour distance over all its samples (a seeded sample of them)
 * @param redundantFraction fraction of kept samples whose nearest other kept sample is closer than {@code spacing}
 *                          (null with fewer than two kept)
 */
public record ClassCoverage(int samples, int kept, double radius, double auc, double coveredAtRadius,
    double coveringRadius, double medianPrunedDistance, double spacing, Double redundantFraction) {}
