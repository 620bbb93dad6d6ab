package org.trustml.pruning.job;

import org.trustml.pruning.baseline.PruningInput;
import org.trustml.pruning.baseline.PruningMethod;
import org.trustml.pruning.baseline.PruningRun;

/**
 * A {@link PruningMethod} of the baseline package that needs only embeddings (k-center greedy, herding, Moderate-DS),
 * offered as a {@code method} of {@code pruning.select}: class-balanced, with the job's budget rule and seed, so it
 * keeps exactly the budgets the job computed.
 */
public final class BaselineSelection implements SelectionMethod {

  private final PruningMethod method;
  private final String summary;

  /** Offers {@code method} under its own name. */
  public BaselineSelection(PruningMethod method, String summary) {
    this.method = method;
    this.summary = summary;
  }

  @Override
  public String name() {
    return method.name();
  }

  @Override
  public String summary() {
    return summary;
  }

  @Override
  public int[] keep(SelectionTask task) {
    LabelledEmbeddings data = task.data();
    float[][] z = data.floatRows();
    PruningRun run = new PruningRun(task.pruneRate(), true, task.budget(), task.seed());
    int[] kept = method.prune(new PruningInput(z, data.labels(), null), run).selection().kept().clone();
    java.util.Arrays.sort(kept);
    return kept;
  }
}
