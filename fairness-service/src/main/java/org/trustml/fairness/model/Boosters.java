package org.trustml.fairness.model;

import java.util.function.Supplier;
import org.trustml.core.web.ProblemException;
import org.trustml.fairness.boost.AdaBoostParams;
import org.trustml.fairness.boost.BinnedFeatures;
import org.trustml.fairness.boost.Constraint;
import org.trustml.fairness.boost.Ensemble;
import org.trustml.fairness.boost.GbtParams;
import org.trustml.fairness.boost.MmmFairAdaBoost;
import org.trustml.fairness.boost.MmmFairGbt;
import org.trustml.fairness.boost.TreeParams;
import org.trustml.fairness.data.FairProblem;

/**
 * Trains the learner a {@link BoostingSpec} names, with the design note's defaults for what it leaves unset. Both
 * learners are deterministic given the data and settings, so the seed only goes into the job's record.
 */
public final class Boosters {

  private Boosters() {}

  /**
   * @return every learner trained, θ = all of them (the caller chooses θ on the front: with a fairness constraint,
   *     late AdaBoost rounds may have α ≤ 0 and must not be used blindly)
   * @throws ProblemException 400 naming the parameter for settings the learner refuses
   */
  public static Ensemble train(FairProblem data, BoostingSpec spec, long seed, RoundListener listener) {
    Constraint constraint = Constraint.valueOf(spec.constraint());
    int depth = spec.depth() == null ? TreeParams.DEFAULT.maxDepth() : spec.depth();
    int bins = spec.bins() == null ? BinnedFeatures.MAX_BINS : spec.bins();
    try {
      if (spec.isAdaBoost()) {
        AdaBoostParams d = AdaBoostParams.defaults(constraint);
        AdaBoostParams p = new AdaBoostParams(constraint, spec.rounds() == null ? d.rounds() : spec.rounds(),
            spec.learningRate() == null ? d.learningRate() : spec.learningRate(),
            spec.gamma() == null ? d.gamma() : spec.gamma(),
            new TreeParams(depth, spec.minLeaf() == null ? 1 : spec.minLeaf(), TreeParams.DEFAULT.lambda()), bins,
            spec.intersectional(), spec.minSupportOrDefault());
        return fit(() -> new MmmFairAdaBoost(p).fit(data, listener::round).ensemble());
      }
      GbtParams d = GbtParams.defaults(constraint);
      GbtParams p = new GbtParams(constraint, spec.rounds() == null ? d.iterations() : spec.rounds(),
          spec.learningRate() == null ? d.learningRate() : spec.learningRate(),
          spec.alpha() == null ? d.alphaFair() : spec.alpha(), spec.beta() == null ? d.beta() : spec.beta(),
          new TreeParams(depth, spec.minLeaf() == null ? 20 : spec.minLeaf(), TreeParams.DEFAULT.lambda()), bins,
          spec.intersectional(), spec.minSupportOrDefault());
      return fit(() -> new MmmFairGbt(p).fit(data, listener::round).ensemble());
    } catch (IllegalArgumentException e) {
      throw ProblemException.badRequest("invalid-params", e.getMessage()).with("field", "params");
    }
  }

  /** Runs training outside the settings check, so that a failure inside it is not mistaken for bad settings. */
  private static Ensemble fit(Supplier<Ensemble> training) {
    try {
      return training.get();
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("training failed: " + e.getMessage(), e);
    }
  }
}
