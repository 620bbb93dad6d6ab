package org.trustml.pruning.encoder;

import org.trustml.ml.OptimizerSpec;

/**
 * How a coreset is evaluated: a fresh model trained on it for a fixed number of optimizer steps (the CCS protocol
 * compares coresets at equal iterations, whatever their size), then its test accuracy.
 *
 * @param architecture the network trained on the coreset (another than the encoder's for the transfer experiment)
 * @param embeddingDim its penultimate width
 * @param classes      number of classes
 * @param optimizer    optimizer settings
 * @param batchSize    examples per step (capped at the coreset's size)
 * @param iterations   optimizer steps, ≥ 1
 * @param seed         weights and shuffles derive from it
 */
public record EvaluationSpec(Architecture architecture, int embeddingDim, int classes, OptimizerSpec optimizer,
    int batchSize, long iterations, long seed) {

  /** Validates the values. */
  public EvaluationSpec {
    if (architecture == null || optimizer == null) {
      throw new IllegalArgumentException("architecture and optimizer must be given");
    }
    if (embeddingDim < 1 || classes < 2 || batchSize < 1 || iterations < 1) {
      throw new IllegalArgumentException("embeddingDim, batchSize and iterations must be ≥ 1 and classes ≥ 2, got "
          + embeddingDim + ", " + batchSize + ", " + iterations + ", " + classes);
    }
  }

  /** 64-d, Adam 1e-3, batches of 128. */
  public static EvaluationSpec of(Architecture architecture, int classes, long iterations, long seed) {
    return new EvaluationSpec(architecture, 64, classes, OptimizerSpec.adam(1e-3f), 128, iterations, seed);
  }
}
