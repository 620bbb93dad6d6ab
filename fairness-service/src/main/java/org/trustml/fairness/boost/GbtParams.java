package org.trustml.fairness.boost;

/**
 * Settings of {@link MmmFairGbt}.
 *
 * @param constraint the fairness definition (DP, EP/TPR, FPR, EO); {@link Constraint#NONE} trains plain GBDT
 * @param iterations the number of trees, 1 … 100 000
 * @param learningRate shrinkage per tree, in (0, 1]
 * @param alphaFair α, the weight of the magnitude-matched fairness gradient, ≥ 0
 * @param beta β of the smooth maximum over attributes (or cells), &gt; 0
 * @param tree depth, leaf size and L2 λ of the regression trees
 * @param maxBins histogram bins per feature, 2 … 255
 * @param intersectional run the smooth maximum over intersectional cells (each cell against the rest)
 * @param minSupport the fewest rows a cell needs to take part, ≥ 1
 */
public record GbtParams(Constraint constraint, int iterations, double learningRate, double alphaFair, double beta,
    TreeParams tree, int maxBins, boolean intersectional, int minSupport) {

  public GbtParams {
    if (constraint == null) {
      throw new IllegalArgumentException("constraint is required");
    }
    if (iterations < 1 || iterations > 100_000) {
      throw new IllegalArgumentException("iterations must be in 1..100000, was " + iterations);
    }
    if (!(learningRate > 0 && learningRate <= 1)) {
      throw new IllegalArgumentException("learningRate must be in (0, 1], was " + learningRate);
    }
    if (!(alphaFair >= 0) || Double.isInfinite(alphaFair)) {
      throw new IllegalArgumentException("alphaFair must be a finite number ≥ 0, was " + alphaFair);
    }
    if (!(beta > 0) || Double.isInfinite(beta)) {
      throw new IllegalArgumentException("beta must be a finite number > 0, was " + beta);
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

  /** The design note's defaults: 100 trees, learning rate 0.1, α 0.1, β 10, depth 5, λ 1. */
  public static GbtParams defaults(Constraint constraint) {
    return new GbtParams(constraint, 100, 0.1, 0.1, 10, TreeParams.DEFAULT, BinnedFeatures.MAX_BINS, false, 30);
  }

  public GbtParams withIterations(int iterations) {
    return new GbtParams(constraint, iterations, learningRate, alphaFair, beta, tree, maxBins, intersectional,
        minSupport);
  }

  public GbtParams withAlphaFair(double alphaFair) {
    return new GbtParams(constraint, iterations, learningRate, alphaFair, beta, tree, maxBins, intersectional,
        minSupport);
  }

  public GbtParams withIntersectional(boolean intersectional) {
    return new GbtParams(constraint, iterations, learningRate, alphaFair, beta, tree, maxBins, intersectional,
        minSupport);
  }
}
