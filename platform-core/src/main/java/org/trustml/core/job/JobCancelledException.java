package org.trustml.core.job;

/** Thrown by {@link JobContext#checkCancelled()} when the user asked to cancel the job or its lease was lost. */
public class JobCancelledException extends RuntimeException {

  public JobCancelledException(String message) {
    super(message, null, false, false);
  }
}
