package org.trustml.fairness.multitask;

import java.util.List;

/**
 * One population with several binary targets and a binary protected attribute.
 *
 * @param features row-major, {@code rows × featureCount}
 * @param featureCount columns of {@code features}
 * @param targets {@code targets[t][i]} ∈ {0, 1}: task {@code t}'s label of row {@code i}
 * @param group protected attribute per row: 1 non-protected, 0 protected (design note §2)
 * @param chunk the data chunk of each row (training streams chunk by chunk); 0 where chunks are not used
 * @param taskNames one name per target
 */
public record MultiTaskData(
    float[] features, int featureCount, int[][] targets, int[] group, int[] chunk, List<String> taskNames) {

  /** Checks that every array has one entry per row. */
  public MultiTaskData {
    taskNames = List.copyOf(taskNames);
    if (featureCount <= 0 || features.length % featureCount != 0) {
      throw new IllegalArgumentException("features must hold rows × " + featureCount + " values");
    }
    int rows = features.length / featureCount;
    if (targets.length != taskNames.size() || targets.length == 0) {
      throw new IllegalArgumentException("one target per task name is required");
    }
    for (int[] target : targets) {
      if (target.length != rows) {
        throw new IllegalArgumentException("each target needs " + rows + " labels");
      }
    }
    if (group.length != rows || chunk.length != rows) {
      throw new IllegalArgumentException("group and chunk need " + rows + " entries");
    }
  }

  /** Number of rows. */
  public int rows() {
    return group.length;
  }

  /** Number of tasks. */
  public int taskCount() {
    return targets.length;
  }

  /** Number of chunks (largest chunk id + 1). */
  public int chunkCount() {
    int max = 0;
    for (int c : chunk) {
      max = Math.max(max, c);
    }
    return max + 1;
  }

  /** The rows at these indices, in this order. */
  public MultiTaskData rows(int[] indices) {
    float[] x = new float[indices.length * featureCount];
    int[][] y = new int[targets.length][indices.length];
    int[] s = new int[indices.length];
    int[] c = new int[indices.length];
    for (int k = 0; k < indices.length; k++) {
      int i = indices[k];
      System.arraycopy(features, i * featureCount, x, k * featureCount, featureCount);
      for (int t = 0; t < targets.length; t++) {
        y[t][k] = targets[t][i];
      }
      s[k] = group[i];
      c[k] = chunk[i];
    }
    return new MultiTaskData(x, featureCount, y, s, c, taskNames);
  }

  /** Only these tasks, in this order (the single-task models take one each). */
  public MultiTaskData tasks(int... taskIndices) {
    int[][] y = new int[taskIndices.length][];
    String[] names = new String[taskIndices.length];
    for (int k = 0; k < taskIndices.length; k++) {
      y[k] = targets[taskIndices[k]];
      names[k] = taskNames.get(taskIndices[k]);
    }
    return new MultiTaskData(features, featureCount, y, group, chunk, List.of(names));
  }
}
