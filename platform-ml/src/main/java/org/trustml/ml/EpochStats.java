package org.trustml.ml;

/**
 * One epoch of a training run.
 *
 * @param epoch 1-based
 * @param meanLoss the batches' losses averaged, weighted by batch size
 * @param seconds wall-clock time of the epoch
 */
public record EpochStats(int epoch, double meanLoss, double seconds) {}
