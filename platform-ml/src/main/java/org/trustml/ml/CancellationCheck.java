package org.trustml.ml;

/**
 * Asked at safe points of a long computation whether to stop; stops it by throwing. Shaped like
 * {@code JobContext.checkCancelled}, so a job passes {@code ctx::checkCancelled} and the job's
 * {@link org.trustml.core.job.JobCancelledException} ends the computation and the job as cancelled.
 */
@FunctionalInterface
public interface CancellationCheck {

  /** Never cancels. */
  CancellationCheck NONE = () -> {};

  /** Returns normally to go on; throws (an unchecked exception) to stop. */
  void check();
}
