package org.trustml.fairness.multitask;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.trustml.core.web.ProblemException;
import org.trustml.fairness.data.LabelCoding;
import org.trustml.ml.ColumnRoles;
import org.trustml.ml.ProtectedAttribute;
import org.trustml.ml.Seeds;
import org.trustml.ml.TabularTable;

/**
 * Builds {@link MultiTaskData} from any table platform-ml's {@code TabularLoader} encoded with {@link #roles}: the
 * first task column is the loader's label, the protected column and the other task columns are kept apart as codes
 * (never features), every remaining column is a feature. Targets are 0/1 by each task's positive value (or a
 * recognised spelling: 1, true, yes); the group is 1 for the non-protected value, 0 otherwise.
 *
 * <p>Every input problem is a 400 naming the column, as the fairness loader's are.
 */
public final class MultiTaskTables {

  /**
   * One binary target.
   *
   * @param column the target column
   * @param positive its positive value; null for 0/1 or false/true columns
   */
  public record Task(String column, String positive) {}

  private MultiTaskTables() {}

  /**
   * The loader roles for these tasks: label = the first task, protected = the protected column then the other
   * tasks.
   *
   * @param features the feature columns; every other column when empty
   * @param ignored columns to leave out
   */
  public static ColumnRoles roles(List<Task> tasks, String protectedColumn, List<String> features,
      List<String> ignored) {
    List<String> kept = new ArrayList<>();
    kept.add(protectedColumn);
    for (int t = 1; t < tasks.size(); t++) {
      kept.add(tasks.get(t).column());
    }
    return new ColumnRoles(tasks.get(0).column(), kept, features == null ? List.of() : features,
        ignored == null ? List.of() : ignored);
  }

  /**
   * Turns an encoded table into multi-task data.
   *
   * @param table encoded with {@link #roles} of the same tasks and protected column (not modified)
   * @param nonProtected the protected column's non-protected value
   * @return every row in chunk 0 (see {@link #dealt})
   */
  public static MultiTaskData of(TabularTable table, List<Task> tasks, String protectedColumn,
      String nonProtected) {
    int n = table.rows();
    if (n == 0) {
      throw ProblemException.badRequest("empty-dataset", "no row is left once missing values are handled")
          .with("column", tasks.get(0).column());
    }
    int[][] targets = new int[tasks.size()][];
    List<String> names = new ArrayList<>();
    for (int t = 0; t < tasks.size(); t++) {
      Task task = tasks.get(t);
      if (t == 0) {
        if (table.labelCodes() == null) {
          throw notBinary(task.column(), "holds real numbers");
        }
        targets[t] = binary(task, table.encoding().classes(), table.labelCodes());
      } else {
        ProtectedAttribute a = attribute(table, task.column());
        targets[t] = binary(task, fitted(table, t), a.codes());
      }
      names.add(task.column());
    }
    List<String> known = table.encoding().protectedAttributes().get(0).categories();
    if (!known.contains(nonProtected)) {
      throw ProblemException.badRequest("unknown-value", "protected column '" + protectedColumn + "' has no value '"
          + nonProtected + "'; its values are " + known).with("column", protectedColumn);
    }
    ProtectedAttribute s = attribute(table, protectedColumn);
    int reference = s.categories().indexOf(nonProtected);
    int[] group = new int[n];
    for (int i = 0; i < n; i++) {
      group[i] = s.codes()[i] == reference ? 1 : 0;
    }
    return new MultiTaskData(table.features(), table.width(), targets, group, new int[n], names);
  }

  /**
   * The same rows dealt round robin into {@code chunks} chunks in a seeded random order, so every chunk is a
   * random sample of the rows (the paper streams one US state per chunk; a general table has no such partition).
   *
   * @param data the rows (not modified)
   */
  public static MultiTaskData dealt(MultiTaskData data, int chunks, long seed) {
    if (chunks < 1) {
      throw new IllegalArgumentException("chunks must be >= 1, got " + chunks);
    }
    int n = data.rows();
    int[] chunk = new int[n];
    int[] order = Seeds.permutation(n, new SplittableRandom(seed));
    for (int k = 0; k < n; k++) {
      chunk[order[k]] = k % chunks;
    }
    return new MultiTaskData(data.features(), data.featureCount(), data.targets(), data.group(), chunk,
        data.taskNames());
  }

  /**
   * A key per row for stratified splits: the group and every task's label.
   *
   * @param data the rows (not modified)
   */
  public static long[] strata(MultiTaskData data) {
    long[] keys = new long[data.rows()];
    for (int i = 0; i < keys.length; i++) {
      long key = data.group()[i];
      for (int[] target : data.targets()) {
        key = key * 2 + target[i];
      }
      keys[i] = key;
    }
    return keys;
  }

  /** The categories task {@code t} (t ≥ 1) was fitted on: protected attribute t of the encoding. */
  private static List<String> fitted(TabularTable table, int t) {
    return table.encoding().protectedAttributes().get(t).categories();
  }

  private static int[] binary(Task task, List<String> fittedValues, int[] codes) {
    if (fittedValues.size() != 2) {
      throw notBinary(task.column(), "has " + fittedValues.size() + " values "
          + (fittedValues.size() <= 20 ? fittedValues : fittedValues.subList(0, 20) + "…"));
    }
    int positive = LabelCoding.positiveCode(task.column(), fittedValues, task.positive());
    int[] y = new int[codes.length];
    for (int i = 0; i < y.length; i++) {
      y[i] = codes[i] == positive ? 1 : 0;
    }
    return y;
  }

  private static ProtectedAttribute attribute(TabularTable table, String column) {
    for (ProtectedAttribute a : table.protectedAttributes()) {
      if (a.name().equals(column)) {
        return a;
      }
    }
    throw new IllegalArgumentException("the table was not encoded with column '" + column + "' kept apart");
  }

  private static ProblemException notBinary(String column, String what) {
    return ProblemException.badRequest("label-not-binary", "task column '" + column + "' " + what
        + "; a task has two values").with("column", column);
  }
}
