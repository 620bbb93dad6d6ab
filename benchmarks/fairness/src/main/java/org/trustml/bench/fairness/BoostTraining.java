package org.trustml.bench.fairness;

import org.trustml.fairness.boost.AdaBoostParams;
import org.trustml.fairness.boost.BoostingListener;
import org.trustml.fairness.boost.Constraint;
import org.trustml.fairness.boost.Ensemble;
import org.trustml.fairness.boost.GbtParams;
import org.trustml.fairness.boost.MmmFairAdaBoost;
import org.trustml.fairness.boost.MmmFairGbt;
import org.trustml.fairness.boost.TreeParams;
import org.trustml.fairness.data.FairProblem;
import org.trustml.fairness.model.Boosters;
import org.trustml.fairness.model.BoostingSpec;
import org.trustml.fairness.model.RoundListener;

/**
 * Trains a {@link BoostingSpec} through the service's {@link Boosters} facade; while that facade is still the
 * placeholder that throws, the same spec goes straight to the boost package's learners with BoostingSpec's
 * documented defaults (AdaBoost: leaf ≥ 1 row; GBT: leaf ≥ 20 rows, λ 1).
 */
public final class BoostTraining {

  private static boolean facadeMissing;

  private BoostTraining() {}

  /** Whether the direct path had to be used (reported in RESULTS.md). */
  public static boolean usedDirectPath() {
    return facadeMissing;
  }

  public static Ensemble train(FairProblem data, BoostingSpec spec, long seed) {
    if (!facadeMissing) {
      try {
        return Boosters.train(data, spec, seed, RoundListener.NONE);
      } catch (UnsupportedOperationException e) {
        facadeMissing = true;
      }
    }
    Constraint constraint = Constraint.valueOf(spec.constraint());
    int depth = spec.depth() == null ? 5 : spec.depth();
    if (spec.isAdaBoost()) {
      AdaBoostParams d = AdaBoostParams.defaults(constraint);
      AdaBoostParams p = new AdaBoostParams(constraint, spec.rounds() == null ? d.rounds() : spec.rounds(),
          spec.learningRate() == null ? d.learningRate() : spec.learningRate(),
          spec.gamma() == null ? d.gamma() : spec.gamma(),
          new TreeParams(depth, spec.minLeaf() == null ? 1 : spec.minLeaf(), d.tree().lambda()),
          spec.bins() == null ? d.maxBins() : spec.bins(), spec.intersectional(), spec.minSupportOrDefault());
      return new MmmFairAdaBoost(p).fit(data, BoostingListener.NONE).ensemble();
    }
    GbtParams d = GbtParams.defaults(constraint);
    GbtParams p = new GbtParams(constraint, spec.rounds() == null ? d.iterations() : spec.rounds(),
        spec.learningRate() == null ? d.learningRate() : spec.learningRate(),
        spec.alpha() == null ? d.alphaFair() : spec.alpha(), spec.beta() == null ? d.beta() : spec.beta(),
        new TreeParams(depth, spec.minLeaf() == null ? 20 : spec.minLeaf(), d.tree().lambda()),
        spec.bins() == null ? d.maxBins() : spec.bins(), spec.intersectional(), spec.minSupportOrDefault());
    return new MmmFairGbt(p).fit(data, BoostingListener.NONE).ensemble();
  }
}
