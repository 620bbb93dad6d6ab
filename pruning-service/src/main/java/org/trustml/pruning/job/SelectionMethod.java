package org.trustml.pruning.job;

/**
 * A way to choose the kept samples directly from the embeddings, without a score job: random now; baselines such as
 * k-center greedy, herding or Moderate-DS plug in as further Spring beans and become {@code method} values of
 * {@code pruning.select}. The job computes every class's budget once, the same way for every method, and checks the
 * method kept exactly that many per class.
 */
public interface SelectionMethod {

  /** The {@code method} value, e.g. {@code random}. */
  String name();

  /** One line for the method list. */
  String summary();

  /**
   * @return kept sample ids, ascending, exactly {@code task.classBudgets()[c]} of class c
   */
  int[] keep(SelectionTask task);
}
