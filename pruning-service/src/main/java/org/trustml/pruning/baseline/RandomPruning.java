package org.trustml.pruning.baseline;

import org.trustml.pruning.selection.SelectionParams;
import org.trustml.pruning.selection.SelectionResult;
import org.trustml.pruning.selection.Selector;

/**
 * Uniform sampling without replacement inside each group, the {@code selection} package's random mode. Needs only
 * labels. Score: 0 for every sample (rank is then the id order).
 */
public final class RandomPruning implements PruningMethod {

  @Override
  public String name() {
    return "random";
  }

  @Override
  public PruningOutcome prune(PruningInput input, PruningRun run) {
    double[] zeros = new double[input.size()];
    SelectionParams params = SelectionParams.defaults(run.pruneRate(), run.seed())
        .withMode(SelectionParams.Mode.RANDOM).withBudget(run.budget());
    SelectionResult result = Selector.select(zeros, input.labels(), params, run.classBalanced());
    return new PruningOutcome(name(), result, zeros);
  }
}
