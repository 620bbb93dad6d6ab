package org.trustml.fairness.boost;

/**
 * One fitted tree in flat arrays, node 0 the root: an inner node sends a row left when
 * {@code x[feature] <= threshold} (float comparison, as ONNX's {@code BRANCH_LEQ} does), a leaf has
 * {@code feature == -1} and an output {@code value}.
 *
 * <p>A classification tree's leaf value is the weighted share of class 1 among its training rows (its class is
 * 1 when that share is above 0.5); a regression tree's leaf value is its raw output.
 */
public record Tree(int[] feature, float[] threshold, int[] left, int[] right, double[] value) {

  public Tree {
    int n = feature.length;
    if (threshold.length != n || left.length != n || right.length != n || value.length != n || n == 0) {
      throw new IllegalArgumentException("a tree needs at least one node and arrays of one length");
    }
  }

  public int nodes() {
    return feature.length;
  }

  /** The leaf value for the row that starts at {@code offset} in a row-major feature array. */
  public double value(float[] rows, int offset) {
    int node = 0;
    while (feature[node] >= 0) {
      node = rows[offset + feature[node]] <= threshold[node] ? left[node] : right[node];
    }
    return value[node];
  }

  /** The class a classification tree predicts: 1 when the leaf's share of class 1 is above one half. */
  public int predictClass(float[] rows, int offset) {
    return value(rows, offset) > 0.5 ? 1 : 0;
  }
}
