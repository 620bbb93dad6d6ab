package org.trustml.fairness.boost;

/**
 * How a single tree grows.
 *
 * @param maxDepth the deepest level of inner nodes (1 = a stump), 1 … 30
 * @param minSamplesLeaf the fewest training rows a leaf may hold, ≥ 1
 * @param lambda L2 regularisation of regression leaf values (−G/(H+λ)); unused by classification trees, ≥ 0
 */
public record TreeParams(int maxDepth, int minSamplesLeaf, double lambda) {

  /** Depth 5, one row per leaf, λ = 1. */
  public static final TreeParams DEFAULT = new TreeParams(5, 1, 1.0);

  public TreeParams {
    if (maxDepth < 1 || maxDepth > 30) {
      throw new IllegalArgumentException("maxDepth must be in 1..30, was " + maxDepth);
    }
    if (minSamplesLeaf < 1) {
      throw new IllegalArgumentException("minSamplesLeaf must be at least 1, was " + minSamplesLeaf);
    }
    if (!(lambda >= 0) || Double.isInfinite(lambda)) {
      throw new IllegalArgumentException("lambda must be a finite number ≥ 0, was " + lambda);
    }
  }
}
