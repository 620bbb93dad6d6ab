package org.trustml.fairness.model;

import org.trustml.fairness.boost.Ensemble;
import org.trustml.fairness.data.FairProblem;

/** Trains the learner a {@link BoostingSpec} names, with the design note's defaults for what it leaves unset. */
public final class Boosters {

  private Boosters() {}

  /**
   * @return every learner trained, θ = all of them (the caller chooses θ on the front)
   */
  public static Ensemble train(FairProblem data, BoostingSpec spec, long seed, RoundListener listener) {
    throw new UnsupportedOperationException("lands with the boosting package");
  }
}
