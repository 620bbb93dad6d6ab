package org.trustml.fairness.multitask;

import java.util.List;

/**
 * One branching decision: the shared layer {@code layer} (1-based, bottom first) became one copy per group.
 *
 * @param epoch 1-based epoch of the decision
 * @param chunk chunks seen so far
 * @param layer the layer that was split
 * @param groups task names per new branch
 * @param affinity CKA affinity among the groups above the split, in the order of {@code compared}
 * @param compared the groups that were compared (task names each)
 */
public record BranchEvent(
    int epoch, int chunk, int layer, List<List<String>> groups, double[][] affinity, List<List<String>> compared) {}
