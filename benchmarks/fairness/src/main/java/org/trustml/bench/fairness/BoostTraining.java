package org.trustml.bench.fairness;

import org.trustml.fairness.boost.Ensemble;
import org.trustml.fairness.data.FairProblem;
import org.trustml.fairness.model.Boosters;
import org.trustml.fairness.model.BoostingSpec;
import org.trustml.fairness.model.RoundListener;

/** Trains a {@link BoostingSpec} through the service's own {@link Boosters}, as the training job does. */
public final class BoostTraining {

  private BoostTraining() {}

  public static Ensemble train(FairProblem data, BoostingSpec spec, long seed) {
    return Boosters.train(data, spec, seed, RoundListener.NONE);
  }
}
