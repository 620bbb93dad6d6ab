package org.trustml.pruning.selection;

/**
 * The note's {@code select.*} switches and the pruning rate.
 *
 * @param mode          select.mode
 * @param pruneRate     α in (0, 1): the fraction of samples removed
 * @param beta          select.beta, the hard-cutoff fraction in [0, 1); NaN = the note's default for α
 * @param strata        select.strata K ≥ 1
 * @param budget        select.budget
 * @param hardestIsHigh whether the highest scores are the hardest (TopoPrune: high = busy structure) or the lowest
 *                      (e.g. AUM, where low means likely mislabelled)
 * @param seed          seeds the sampling inside strata and the random mode
 */
public record SelectionParams(Mode mode, double pruneRate, double beta, int strata, Budget budget,
    boolean hardestIsHigh, long seed) {

  /** select.mode. */
  public enum Mode { CCS_STRATIFIED, TOP_K, BOTTOM_K, RANDOM }

  /** select.budget: classes keep (1 − α)·n_c each, or the same number each. */
  public enum Budget { PROPORTIONAL, UNIFORM }

  /** Validates the values. */
  public SelectionParams {
    if (!(pruneRate > 0 && pruneRate < 1)) {
      throw new IllegalArgumentException("pruneRate must be in (0, 1), got " + pruneRate);
    }
    if (!Double.isNaN(beta) && !(beta >= 0 && beta < 1)) {
      throw new IllegalArgumentException("select.beta must be in [0, 1) (or NaN for the default), got " + beta);
    }
    if (strata < 1) {
      throw new IllegalArgumentException("select.strata must be ≥ 1, got " + strata);
    }
  }

  /** The note's defaults for a rate: CCS, default β, 50 strata, proportional, hardest = highest. */
  public static SelectionParams defaults(double pruneRate, long seed) {
    return new SelectionParams(Mode.CCS_STRATIFIED, pruneRate, Double.NaN, 50, Budget.PROPORTIONAL, true, seed);
  }

  /** The same with another mode. */
  public SelectionParams withMode(Mode m) {
    return new SelectionParams(m, pruneRate, beta, strata, budget, hardestIsHigh, seed);
  }

  /** The same with another β. */
  public SelectionParams withBeta(double b) {
    return new SelectionParams(mode, pruneRate, b, strata, budget, hardestIsHigh, seed);
  }

  /** The same with another number of strata. */
  public SelectionParams withStrata(int k) {
    return new SelectionParams(mode, pruneRate, beta, k, budget, hardestIsHigh, seed);
  }

  /** The same with another budget rule. */
  public SelectionParams withBudget(Budget b) {
    return new SelectionParams(mode, pruneRate, beta, strata, b, hardestIsHigh, seed);
  }

  /** The same with another seed. */
  public SelectionParams withSeed(long s) {
    return new SelectionParams(mode, pruneRate, beta, strata, budget, hardestIsHigh, s);
  }

  /**
   * β in use: the given one, or the note's default, 0.1 at α ≤ 0.7, 0.3 at α ≥ 0.9, linear in between.
   */
  public double effectiveBeta() {
    if (!Double.isNaN(beta)) {
      return beta;
    }
    if (pruneRate <= 0.7) {
      return 0.1;
    }
    if (pruneRate >= 0.9) {
      return 0.3;
    }
    return 0.1 + (pruneRate - 0.7) / 0.2 * 0.2;
  }
}
