package org.trustml.fairness.boost;

/**
 * Hears about boosting progress; throwing from {@link #round} cancels training (the exception propagates).
 */
@FunctionalInterface
public interface BoostingListener {

  /** A listener that ignores progress. */
  BoostingListener NONE = (t, total) -> { };

  /** Called before round {@code t} (0-based) of {@code total}. */
  void round(int t, int total);
}
