package org.trustml.ml;

import ai.djl.training.loss.Loss;

/**
 * What {@link TrainingLoop} needs besides the model and the data.
 *
 * @param loss evaluated on each batch and minimised, e.g. {@code Loss.softmaxCrossEntropyLoss()} for int class
 *     codes
 * @param optimizer the optimizer's settings
 * @param batchSize examples per step (the last batch of an epoch may be smaller)
 * @param epochs passes over the data
 * @param seed initial weights and every epoch's shuffle derive from it
 */
public record TrainingSpec(Loss loss, OptimizerSpec optimizer, int batchSize, int epochs, long seed) {

  /** Checks the values. */
  public TrainingSpec {
    if (loss == null || optimizer == null) {
      throw new IllegalArgumentException("loss and optimizer must not be null");
    }
    if (batchSize < 1 || epochs < 1) {
      throw new IllegalArgumentException("batchSize and epochs must be >= 1, were " + batchSize + ", " + epochs);
    }
  }

  /** Softmax cross-entropy on class codes, with these settings. */
  public static TrainingSpec classification(OptimizerSpec optimizer, int batchSize, int epochs, long seed) {
    return new TrainingSpec(Loss.softmaxCrossEntropyLoss(), optimizer, batchSize, epochs, seed);
  }

  /** The same settings with another seed. */
  public TrainingSpec withSeed(long other) {
    return new TrainingSpec(loss, optimizer, batchSize, epochs, other);
  }

  /** The same settings with another number of epochs. */
  public TrainingSpec withEpochs(int other) {
    return new TrainingSpec(loss, optimizer, batchSize, other, seed);
  }
}
