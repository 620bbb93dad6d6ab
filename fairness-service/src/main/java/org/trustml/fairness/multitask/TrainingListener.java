package org.trustml.fairness.multitask;

/**
 * Progress and cancellation for a FairBranch experiment. Training asks {@link #cancelled()} between chunks and
 * stops with a {@link java.util.concurrent.CancellationException} when it answers true.
 */
public interface TrainingListener {

  /** Ignores progress, never cancels. */
  TrainingListener NONE = new TrainingListener() {};

  /** A model finished an epoch. */
  default void epochDone(String model, int epoch, int epochs) {}

  /** Whether to stop. */
  default boolean cancelled() {
    return false;
  }
}
