package org.trustml.ml;

/**
 * What the tabular loader does with a missing value (see {@link org.trustml.core.dataset.MissingValues}) in a column
 * it uses.
 */
public enum MissingValuePolicy {
  /** Drop every row with a missing value in the label, a protected attribute or a feature. */
  DROP_ROWS,
  /**
   * Fill numeric columns with their mean and the others with their mode (the smallest value among equally common
   * ones), both taken over the rows that have a value. A row whose label is missing is still dropped: a target
   * cannot be made up.
   */
  IMPUTE
}
