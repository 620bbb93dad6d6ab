package org.trustml.fairness.multitask;

/**
 * Training and test parts of a multi-task set with the same tasks and feature encoding.
 *
 * @param train chunked training rows
 * @param test evaluation rows
 */
public record MultiTaskSplit(MultiTaskData train, MultiTaskData test) {

  /** Checks that both parts agree on tasks and features. */
  public MultiTaskSplit {
    if (!train.taskNames().equals(test.taskNames()) || train.featureCount() != test.featureCount()) {
      throw new IllegalArgumentException("train and test must have the same tasks and features");
    }
  }

  /** The first {@code trainRows} training and {@code testRows} test rows (both already shuffled), some tasks. */
  public MultiTaskSplit head(int trainRows, int testRows, int... tasks) {
    return new MultiTaskSplit(
        train.rows(range(Math.min(trainRows, train.rows()))).tasks(tasks),
        test.rows(range(Math.min(testRows, test.rows()))).tasks(tasks));
  }

  private static int[] range(int n) {
    int[] r = new int[n];
    for (int i = 0; i < n; i++) {
      r[i] = i;
    }
    return r;
  }
}
