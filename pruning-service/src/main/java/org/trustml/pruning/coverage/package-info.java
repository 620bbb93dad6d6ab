/**
 * How well a coreset represents the data it was chosen from (design note P1 "coverage metric and per-class redundancy
 * report"): per class, every sample's distance to its nearest kept sample, CCS's coverage AUC (Zheng et al., arXiv
 * 2210.15809: the area under the fraction of samples within r of the coreset, for r up to a radius fixed by the data,
 * not by the coreset), the coreset's covering radius, and how many kept samples sit closer to another kept one than
 * the data's typical nearest-neighbour spacing. {@link CoverageReport#of} is the entry point. Plain Java, no Spring.
 */
package org.trustml.pruning.coverage;
