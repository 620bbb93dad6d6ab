package org.trustml.fairness.model;

/** Told after each boosting round; may throw (e.g. a job's cancellation) to stop training. */
@FunctionalInterface
public interface RoundListener {

  void round(int done, int total);

  RoundListener NONE = (done, total) -> {};
}
