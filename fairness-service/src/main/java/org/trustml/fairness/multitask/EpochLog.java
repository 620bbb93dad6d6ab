package org.trustml.fairness.multitask;

/**
 * What one epoch of one model looked like.
 *
 * @param model model name
 * @param epoch 1-based
 * @param accuracyLoss mean over steps of Σ_t L_t
 * @param fairnessLoss mean over steps of Σ_t F_t (computed, whether or not it is trained on)
 * @param fairnessConflicts pairs of tasks in a shared branch whose fairness gradients on its weight conflict (> 90°)
 * @param accuracyConflicts the same for accuracy gradients
 * @param headConflicts tasks whose head gradients of L_t and F_t conflict (λ_t set to 0)
 * @param sharedDepth shared layers at the end of the epoch
 * @param validationConflicts with checkpoint selection: the median over validation batches of the conflicting
 *     gradient pairs after this epoch (see {@link FairBranchTrainer}); else null
 */
public record EpochLog(
    String model,
    int epoch,
    double accuracyLoss,
    double fairnessLoss,
    int fairnessConflicts,
    int accuracyConflicts,
    int headConflicts,
    int sharedDepth,
    Double validationConflicts) {}
