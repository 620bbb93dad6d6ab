package org.trustml.core.job;

/** Life cycle of a job; the last three are terminal and never change again. */
public enum JobState {
  QUEUED,
  RUNNING,
  CANCELLING,
  SUCCEEDED,
  FAILED,
  CANCELLED;

  public boolean isTerminal() {
    return this == SUCCEEDED || this == FAILED || this == CANCELLED;
  }
}
