package org.trustml.fairness.multitask;

import java.util.List;

/**
 * Hyper-parameters of one FairBranch experiment; the baselines use the same ones.
 *
 * @param widths hidden layer widths, bottom first (the paper's tabular trunk is [1024, 128, 256, 512, 128])
 * @param epochs passes over all chunks
 * @param batchSize rows per optimiser step within a chunk
 * @param branchEvery chunks between two branching decisions (the paper: 7)
 * @param tau least CKA affinity that puts two groups on one branch (the paper: 0.7 tabular)
 * @param learningRate AdamW learning rate (the paper: 1e-3)
 * @param weightDecay AdamW decoupled weight decay
 * @param seed initialisation and batch order
 * @param validationFraction share of the training rows held out (seeded) for FairBranch's checkpoint selection — the
 *     epoch with the lowest median count of conflicting gradient pairs on them (the paper's rule); 0: none, the last
 *     epoch is kept. Every model of an experiment trains on the same remaining rows.
 */
public record FairBranchConfig(
    List<Integer> widths,
    int epochs,
    int batchSize,
    int branchEvery,
    double tau,
    double learningRate,
    double weightDecay,
    long seed,
    double validationFraction) {

  /** Without checkpoint selection. */
  public FairBranchConfig(List<Integer> widths, int epochs, int batchSize, int branchEvery, double tau,
      double learningRate, double weightDecay, long seed) {
    this(widths, epochs, batchSize, branchEvery, tau, learningRate, weightDecay, seed, 0);
  }

  /** Checks the values. */
  public FairBranchConfig {
    widths = List.copyOf(widths);
    if (widths.isEmpty() || widths.stream().anyMatch(w -> w <= 0)) {
      throw new IllegalArgumentException("widths must be positive and non-empty");
    }
    if (epochs <= 0 || batchSize <= 0 || branchEvery <= 0 || learningRate <= 0 || weightDecay < 0) {
      throw new IllegalArgumentException("epochs, batch size, branchEvery and learning rate must be positive");
    }
    if (!(validationFraction >= 0 && validationFraction <= 0.5)) {
      throw new IllegalArgumentException("validationFraction must be in [0, 0.5], got " + validationFraction);
    }
  }

  /** Small trunk [64, 32, 32], 3 epochs, batch 128, branching every 4 chunks, τ 0.7, lr 1e-3, decay 0.01. */
  public static FairBranchConfig small(long seed) {
    return new FairBranchConfig(List.of(64, 32, 32), 3, 128, 4, 0.7, 1e-3, 0.01, seed);
  }

  /** The same with another τ. */
  public FairBranchConfig withTau(double value) {
    return new FairBranchConfig(widths, epochs, batchSize, branchEvery, value, learningRate, weightDecay, seed,
        validationFraction);
  }

  /** The same with another epoch count. */
  public FairBranchConfig withEpochs(int value) {
    return new FairBranchConfig(widths, value, batchSize, branchEvery, tau, learningRate, weightDecay, seed,
        validationFraction);
  }

  /** The same with another validation share (0: no checkpoint selection). */
  public FairBranchConfig withValidationFraction(double value) {
    return new FairBranchConfig(widths, epochs, batchSize, branchEvery, tau, learningRate, weightDecay, seed, value);
  }
}
