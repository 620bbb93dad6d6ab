package org.trustml.fairness.boost;

/**
 * Settings of {@link MmmFairAdaBoost}.
 *
 * @param constraint the fairness definition; {@link Constraint#NONE} trains plain SAMME (K = 2)
 * @param rounds T, the number of boosting rounds, 1 … 100 000
 * @param learningRate multiplies every α_t, &gt; 0
 * @param gamma γ in [0, 1], the share of the group-specific error in err for DP and EP/TPR
 * @param tree depth and leaf size of the base trees (λ unused)
 * @param maxBins histogram bins per feature, 2 … 255
 * @param intersectional use intersectional cells instead of the attributes' binary views for costs
 * @param minSupport the fewest rows a cell needs to count, ≥ 1
 */
public record AdaBoostParams(Constraint constraint, int rounds, double learningRate, double gamma, TreeParams tree,
    int maxBins, boolean intersectional, int minSupport) {

  public AdaBoostParams {
    if (constraint == null) {
      throw new IllegalArgumentException("constraint is required");
    }
    if (rounds < 1 || rounds > 100_000) {
      throw new IllegalArgumentException("rounds must be in 1..100000, was " + rounds);
    }
    if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
      throw new IllegalArgumentException("learningRate must be a finite number > 0, was " + learningRate);
    }
    if (!(gamma >= 0 && gamma <= 1)) {
      throw new IllegalArgumentException("gamma must be in [0, 1], was " + gamma);
    }
    if (tree == null) {
      throw new IllegalArgumentException("tree is required");
    }
    if (maxBins < 2 || maxBins > BinnedFeatures.MAX_BINS) {
      throw new IllegalArgumentException("maxBins must be in 2.." + BinnedFeatures.MAX_BINS + ", was " + maxBins);
    }
    if (minSupport < 1) {
      throw new IllegalArgumentException("minSupport must be at least 1, was " + minSupport);
    }
  }

  /** mmm-fair's defaults: 500 rounds, learning rate 1, depth-5 trees, γ 0.5 for DP and 0.25 otherwise. */
  public static AdaBoostParams defaults(Constraint constraint) {
    return new AdaBoostParams(constraint, 500, 1.0, constraint == Constraint.DP ? 0.5 : 0.25, TreeParams.DEFAULT,
        BinnedFeatures.MAX_BINS, false, 30);
  }

  public AdaBoostParams withRounds(int rounds) {
    return new AdaBoostParams(constraint, rounds, learningRate, gamma, tree, maxBins, intersectional, minSupport);
  }

  public AdaBoostParams withIntersectional(boolean intersectional) {
    return new AdaBoostParams(constraint, rounds, learningRate, gamma, tree, maxBins, intersectional, minSupport);
  }
}
