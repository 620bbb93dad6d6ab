package org.trustml.pruning.baseline;

import org.trustml.pruning.selection.SelectionParams;
import org.trustml.pruning.selection.Selector;

/**
 * Coverage-centric coreset selection (CCS, Zheng et al., arXiv 2210.15809) over a given per-sample score, e.g. AUM
 * or EL2N from the encoder's training: the {@code selection} package's stratified sampler (hard cut-off β, K
 * equal-width strata, {@code bin_allocate} budgets, uniform sampling inside strata). Score: the given one.
 *
 * @param beta          hard cut-off fraction in [0, 1), NaN for the note's default for the rate
 * @param strata        K ≥ 1
 * @param hardestIsHigh whether high scores are the hardest (EL2N, forgetting) or low ones (AUM)
 */
public record CcsPruning(double beta, int strata, boolean hardestIsHigh) implements PruningMethod {

  /** CCS's defaults: the note's β for the rate, 50 strata. */
  public static CcsPruning defaults(boolean hardestIsHigh) {
    return new CcsPruning(Double.NaN, 50, hardestIsHigh);
  }

  @Override
  public String name() {
    return "ccs";
  }

  @Override
  public PruningOutcome prune(PruningInput input, PruningRun run) {
    double[] scores = input.requireScores(name());
    SelectionParams params = new SelectionParams(SelectionParams.Mode.CCS_STRATIFIED, run.pruneRate(), beta, strata,
        run.budget(), hardestIsHigh, run.seed());
    return new PruningOutcome(name(), Selector.select(scores, input.labels(), params, run.classBalanced()),
        scores.clone());
  }
}
