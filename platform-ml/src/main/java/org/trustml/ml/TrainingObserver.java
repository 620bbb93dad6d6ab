package org.trustml.ml;

/**
 * Sees every batch of a {@link TrainingLoop} run as it happens: per-sample training dynamics (area under the margin,
 * forgetting events) come from the outputs of the training forward passes, and an iteration budget is a stop after
 * the budget's last batch.
 */
public interface TrainingObserver {

  /** Observes nothing, never stops. */
  TrainingObserver NONE = new TrainingObserver() {};

  /**
   * Called after each optimizer step.
   *
   * @param epoch 1-based
   * @param rows the batch's examples, as positions in the training data (not to be modified)
   * @param outputs the forward pass's outputs for those rows, row-major, {@code outputs.length / rows.length} per row,
   *     computed with the weights before this step (not to be modified)
   * @return false to end training after this batch
   */
  default boolean afterBatch(int epoch, int[] rows, float[] outputs) {
    return true;
  }

  /** Called after each full epoch; the model holds that epoch's weights, so a forward pass may evaluate them. */
  default void afterEpoch(int epoch) {}

  /** Whether {@link #afterBatch} wants the outputs; copying them out costs a little, so the default is no. */
  default boolean wantsOutputs() {
    return false;
  }
}
