package org.trustml.pruning.job;

import org.springframework.stereotype.Component;
import org.trustml.pruning.selection.SelectionParams;
import org.trustml.pruning.selection.Selector;

/** Uniform sampling without replacement within each class, seeded: the selection package's random mode. */
@Component
public class RandomSelection implements SelectionMethod {

  @Override
  public String name() {
    return "random";
  }

  @Override
  public String summary() {
    return "uniform without replacement within each class, seeded";
  }

  @Override
  public int[] keep(SelectionTask task) {
    // the random mode ignores the scores; its budgets come from the same rule the job used
    SelectionParams params = new SelectionParams(SelectionParams.Mode.RANDOM, task.pruneRate(), Double.NaN, 1,
        task.budget(), true, task.seed());
    return Selector.select(new double[task.data().size()], task.data().labels(), params).kept();
  }
}
