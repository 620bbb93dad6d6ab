package org.trustml.fairness.boost;

/**
 * A tree just fitted together with the leaf each training row ended in, so boosting can update its predictions for
 * the training set without running rows through the tree again.
 *
 * @param tree the fitted tree
 * @param leafOfRow per training row (of the whole binned set, not just the rows the tree was fitted on), the index
 *     of its leaf node in {@code tree}
 */
public record GrownTree(Tree tree, int[] leafOfRow) {

  /** The leaf value of training row {@code i}. */
  public double value(int i) {
    return tree.value()[leafOfRow[i]];
  }
}
