package org.trustml.bench.fairness;

import java.util.List;
import org.trustml.fairness.boost.Ensemble;
import org.trustml.fairness.data.FairProblem;
import org.trustml.fairness.model.BoostingSpec;
import org.trustml.fairness.model.SelectionRequest;
import org.trustml.fairness.pareto.Bound;
import org.trustml.fairness.pareto.CandidateEvaluator;
import org.trustml.fairness.pareto.CandidateTable;
import org.trustml.fairness.pareto.FairnessObjective;

/**
 * Trains the boosting models ({@link BoostTraining}) and chooses θ on the training set, as mmm-fair
 * does: its default pseudo-weight rule over (error, imbalance or balanced error, fairness), or a constraint query.
 * Unconstrained boosting (constraint NONE) keeps every learner.
 */
public final class MmmFair {

  /** A trained ensemble, its candidates on both sets and the chosen θ. */
  public record Model(String name, BoostingSpec spec, Ensemble ensemble, CandidateTable trainCandidates,
      double fitSeconds) {

    /** Every θ's objectives on a data set (one pass over the trees). */
    public CandidateTable candidates(FairProblem data) {
      return CandidateEvaluator.evaluate(ensemble, data, FairnessObjective.EO, spec.intersectional(),
          Metrics.MIN_SUPPORT);
    }

    /** The test outcome with θ learners; the fitting time excludes selection. */
    public Outcome outcome(String label, int theta, FairProblem test) {
      int[] predictions = ensemble.withTheta(theta).predict(test.features());
      return new Outcome(label, Metrics.of(predictions, test), theta, fitSeconds);
    }
  }

  private final FairProblem train;
  private final long seed;

  public MmmFair(FairProblem train, long seed) {
    this.train = train;
    this.seed = seed;
  }

  /** A spec with the design note's defaults except variant, constraint, rounds and the intersectional switch. */
  public static BoostingSpec spec(String variant, String constraint, Integer rounds, boolean intersectional) {
    return spec(variant, constraint, rounds, intersectional, null);
  }

  /** The same with GBT's fairness weight α (null: the default 0.1). */
  public static BoostingSpec spec(String variant, String constraint, Integer rounds, boolean intersectional,
      Double alpha) {
    return new BoostingSpec(variant, constraint, rounds, null, null, alpha, null, 5, null, null, intersectional,
        Metrics.MIN_SUPPORT);
  }

  public Model train(String name, BoostingSpec spec) {
    long start = System.nanoTime();
    Ensemble ensemble = BoostTraining.train(train, spec, seed);
    double seconds = (System.nanoTime() - start) / 1e9;
    CandidateTable candidates = CandidateEvaluator.evaluate(ensemble, train, FairnessObjective.EO,
        spec.intersectional(), Metrics.MIN_SUPPORT);
    return new Model(name, spec, ensemble, candidates, seconds);
  }

  /** mmm-fair's default selection on the training candidates; all learners when the model is unconstrained. */
  public int paretoTheta(Model m) {
    if ("NONE".equals(m.spec().constraint())) {
      return m.ensemble().trees().size();
    }
    return SelectionRequest.defaults().select(m.trainCandidates(), m.spec().variant(), m.spec().constraint(),
        m.spec().intersectional(), attributeNames()).theta();
  }

  /** The training-front point whose pseudo-weights are nearest {@code preference} (mmm-fair's preference rule). */
  public int preferenceTheta(Model m, List<Double> preference) {
    return new SelectionRequest(null, null, preference, null, null).select(m.trainCandidates(), m.spec().variant(),
        m.spec().constraint(), m.spec().intersectional(), attributeNames()).theta();
  }

  /**
   * The θ with the lowest training balanced error among those whose training {@code column} is at most
   * {@code max}; null when none is.
   */
  public Integer constrainedTheta(Model m, String column, double max) {
    return constrainedTheta(m, m.trainCandidates(), column, max);
  }

  /** The same query on candidates measured on another set (a held-out selection set). */
  public static Integer constrainedTheta(Model m, CandidateTable candidates, String column, double max) {
    try {
      return new SelectionRequest(null, null, null, List.of(new Bound(column, max)), "balancedError")
          .select(candidates, m.spec().variant(), m.spec().constraint(), m.spec().intersectional(), List.of())
          .theta();
    } catch (RuntimeException e) {
      // the service answers an unsatisfiable constraint with a 400 problem
      return null;
    }
  }

  private List<String> attributeNames() {
    return train.attributes().stream().map(FairProblem.Attribute::name).toList();
  }
}
